using BenchmarkDotNet.Running;
using Compare.Bench;

return args.FirstOrDefault() switch
{
    "sts" => StsEvaluation.Run(args.Skip(1).ToArray()),
    "ists" => IstsEvaluation.Run(args.Skip(1).ToArray()),
    "generate" => SyntheticCorpus.Generate(args.Skip(1).ToArray()),
    "scale" => ScaleEvaluation.Run(args.Skip(1).ToArray()),
    "stages" => Stages.Run(args[1..]),
    "ranks" => WordRanks.Run(args.Skip(1).ToArray()),
    "news" => NewsEvaluation.Run(args.Skip(1).ToArray()),
    "news-ceiling" => NewsCeiling.Run(args.Skip(1).ToArray()),
    "counterparts" => Counterparts.Run(args.Skip(1).ToArray()),
    "fuzz" => OutletFuzzing.Run(args.Skip(1).ToArray()),
    "pr-scale" => PullRequestScale.Run(args.Skip(1).ToArray()),
    _ => Benchmarks(args),
};

static int Benchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AlignmentBenchmarks).Assembly).Run(args);
    return 0;
}
