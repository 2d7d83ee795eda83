using System;

// The interesting part of this project is Declarations/: build it with -p:ShowDiagnostics=true.
Console.WriteLine("Diagnostics.Showcase holds one wrong SslDsl task declaration per diagnostic (SSL001 to SSL032, SSL045 to SSL054).");
Console.WriteLine("Build it with: dotnet build samples/Diagnostics.Showcase -p:ShowDiagnostics=true");
Console.WriteLine("The build then fails on purpose and lists every diagnostic; docs/diagnostics.md explains each one.");
