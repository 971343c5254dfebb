using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line (BenchmarkDotNet's --filter and other
// options); tests/benchmarks/handler-allocations.sh passes the usual ones.
BenchmarkSwitcher.FromAssembly(typeof(GlueTaskRunLambda.Benchmarks.HandlerBenchmarks).Assembly).Run(args);
