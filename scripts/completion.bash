# Tab completion in bash for the SslDsl samples and benches, from their own command lines
# (System.CommandLine's [suggest] directive: the program lists the options and values that fit).
#
#   source scripts/completion.bash            # from the repository root, after a Release build
#   samples/FashionMnist.SimClr/bin/Release/net10.0/FashionMnist.SimClr --dev<TAB>   ->  --device
#
# It registers the built programs by name, so it also completes them when their folder is on PATH.

_ssldsl_complete() {
    local program=${COMP_WORDS[0]} word=${COMP_WORDS[COMP_CWORD]}
    COMPREPLY=()
    local line
    while IFS= read -r line; do
        [[ $line == "$word"* ]] && COMPREPLY+=("$line")
    done < <("$program" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
}

for _ssldsl_program in FashionMnist.SimClr FashionMnist.Mae FashionMnist.Clip Text.Mlm Tabular.Scarf TimeSeries.Forecast ImageFolder.SimClr \
                       SslDsl.Bench.LabelEfficiency SslDsl.Bench.Memory SslDsl.Bench.Micro SslDsl.Bench.Recipe \
                       SslDsl.Bench.Data SslDsl.Bench.Generator SslDsl.Bench.Methods SslDsl.Bench.SampleRecipes SslDsl.Bench.Tabular; do
    complete -o default -F _ssldsl_complete "$_ssldsl_program"
done
unset _ssldsl_program
