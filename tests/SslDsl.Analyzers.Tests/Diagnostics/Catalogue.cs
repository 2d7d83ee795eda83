using System.Collections.Generic;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>One failing declaration for every diagnostic ID, with {|SSL0xx:...|} markup where it is reported.</summary>
public static class Catalogue
{
    /// <summary>(ID, failing source) for SSL001 to SSL038 and SSL040 to SSL054.</summary>
    public static IReadOnlyList<(string Id, string Source)> Failing { get; } = new List<(string, string)>
    {
        ("SSL001", Ssl001NotPartialTests.Failing),
        ("SSL002", Ssl002To004EncoderTests.FailingNoEncoder),
        ("SSL003", Ssl002To004EncoderTests.FailingTwoEncoders),
        ("SSL004", Ssl002To004EncoderTests.FailingEncoderShape),
        ("SSL005", Ssl005Ssl006InputObjectiveTests.FailingNoInput),
        ("SSL006", Ssl005Ssl006InputObjectiveTests.FailingNoObjective),
        ("SSL007", Ssl007To009RangeTests.FailingProbability),
        ("SSL008", Ssl007To009RangeTests.FailingTemperature),
        ("SSL009", Ssl007To009RangeTests.FailingMomentum),
        ("SSL010", Ssl010To012ViewTests.FailingNoViews),
        ("SSL011", Ssl010To012ViewTests.FailingIdenticalViews),
        ("SSL012", Ssl010To012ViewTests.FailingIdentityReconstruction),
        ("SSL013", Ssl013Ssl014ModalityTests.FailingModality),
        ("SSL014", Ssl013Ssl014ModalityTests.FailingColorOnGrayscale),
        ("SSL015", Ssl015ShapeTests.Failing),
        ("SSL016", Ssl016To018HeadTests.FailingDimension),
        ("SSL017", Ssl016To018HeadTests.FailingByol),
        ("SSL018", Ssl016To018HeadTests.FailingQueue),
        ("SSL019", Ssl019MultiTaskTests.Failing),
        ("SSL020", Ssl020To023Tests.FailingWeight),
        ("SSL021", Ssl020To023Tests.FailingFineTune),
        ("SSL022", Ssl020To023Tests.FailingMaskSplit),
        ("SSL023", Ssl020To023Tests.FailingVocabulary),
        ("SSL024", Ssl024To026Tests.FailingDuplicateName),
        ("SSL025", Ssl024To026Tests.FailingTraining),
        ("SSL026", Ssl024To026Tests.FailingStrength),
        ("SSL027", Ssl027To030Tests.FailingMultiCrop),
        ("SSL028", Ssl027To030Tests.FailingTeacherTemperature),
        ("SSL029", Ssl027To030Tests.FailingHeads),
        ("SSL030", Ssl027To030Tests.FailingMemory),
        ("SSL031", Ssl031Ssl032Tests.FailingGeneric),
        ("SSL032", Ssl031Ssl032Tests.FailingWarmup),
        ("SSL033", Ssl033To038MultimodalTests.FailingProjections),
        ("SSL034", Ssl033To038MultimodalTests.FailingInputWithoutEncoder),
        ("SSL035", Ssl033To038MultimodalTests.FailingEncoderInput.Replace("[TextInput(MaxLength = 16, VocabSize = 260)]", "[{|SSL034:TextInput(MaxLength = 16, VocabSize = 260)|}]")),
        ("SSL036", Ssl033To038MultimodalTests.FailingStepOnOtherSide),
        ("SSL037", Ssl033To038MultimodalTests.FailingTemperature),
        ("SSL038", Ssl033To038MultimodalTests.FailingMisplaced),
        ("SSL040", Ssl040To044VisionTransformerTests.FailingPatch),
        ("SSL041", Ssl040To044VisionTransformerTests.FailingHeads),
        ("SSL042", Ssl040To044VisionTransformerTests.FailingSinCosWidth),
        ("SSL043", Ssl040To044VisionTransformerTests.FailingMaskPatch),
        ("SSL044", Ssl040To044VisionTransformerTests.FailingDecoder),
        ("SSL045", Ssl045To048TextMaskingTests.FailingTwoMaskings),
        ("SSL046", Ssl045To048TextMaskingTests.FailingNoCorruption),
        ("SSL047", Ssl045To048TextMaskingTests.FailingSentinels),
        ("SSL048", Ssl045To048TextMaskingTests.FailingDecoderHeads),
        ("SSL049", Ssl049To051TimeSeriesTests.FailingPooledBackbone),
        ("SSL050", Ssl049To051TimeSeriesTests.FailingShortestCrop),
        ("SSL051", Ssl049To051TimeSeriesTests.FailingOneSegment),
        ("SSL052", Ssl052To054VimeTests.FailingNoMask),
        ("SSL053", Ssl052To054VimeTests.FailingUnsizedColumn),
        ("SSL054", Ssl052To054VimeTests.FailingTwoMasks),
    };

    /// <summary><see cref="Failing"/> as theory data.</summary>
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (id, source) in Failing)
            {
                data.Add(id, source);
            }

            return data;
        }
    }
}
