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
    case "import":
        await ImportBenchmark.RunAsync(Arguments.Int(args, "--people", 100_000), Arguments.Int(args, "--departments", 5_000), Arguments.Int(args, "--qps", 15), postgres);
        break;
    case "fanout":
        await FanOutBenchmark.RunAsync(Arguments.Int(args, "--people", 100_000), Arguments.Int(args, "--listed", 10_000), postgres);
        break;
    case "home":
        await HomeBenchmark.RunAsync(
            Arguments.Int(args, "--people", 100_000), Arguments.Int(args, "--departments", 5_000), Arguments.Int(args, "--items", 10_000),
            Arguments.Int(args, "--rate", 200), Arguments.Int(args, "--seconds", 15), Arguments.Int(args, "--clients", 4));
        break;
    case "todos":
        await TodoBenchmark.RunAsync(Arguments.Int(args, "--people", 10_000), Arguments.Int(args, "--todos", 10_000), Arguments.Int(args, "--deliver", 300), postgres);
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Portal.Bench -- audiences|import|fanout|home|todos [--people N] [--listed N] [--departments N] [--items N] [--qps N] [--rate N] [--seconds N] [--clients N] [--todos N] [--deliver N] [--postgres CONNECTION]");
        break;
}
