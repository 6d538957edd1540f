using Portal.Bench;

// Benchmarks run outside the test suite: speed is reported as ratios against a baseline measured in
// the same run, because the machines are noisy. See bench/README.md.
var command = args.FirstOrDefault() ?? "help";
var postgres = Arguments.Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
switch (command)
{
    case "audiences":
        await AudienceBenchmark.RunAsync(postgres, Arguments.Int(args, "--people", 100_000), Arguments.Int(args, "--departments", 5_000));
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Portal.Bench -- audiences [--people N] [--departments N] [--postgres CONNECTION]");
        break;
}
