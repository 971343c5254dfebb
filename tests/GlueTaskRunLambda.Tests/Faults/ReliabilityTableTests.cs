using System.Reflection;
using System.Text.RegularExpressions;
using GlueTaskRunLambda.Tests.Support;

namespace GlueTaskRunLambda.Tests.Faults;

/// <summary>
/// Keeps docs/reliability.md true: every test it names exists, and every Glue fault test
/// appears in it.
/// </summary>
public sealed partial class ReliabilityTableTests
{
    private static readonly string Root = RepositoryPaths.Root;
    private static readonly string Table = File.ReadAllText(Path.Combine(Root, "docs", "reliability.md"));

    [Fact]
    public void NamedCSharpTests_Exist()
    {
        var names = CSharpName().Matches(Table).Select(match => match.Groups[1].Value).Distinct().ToList();
        var methods = typeof(ReliabilityTableTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(method => $"{type.Name}.{method.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, methods));
    }

    [Fact]
    public void NamedNodeTests_Exist()
    {
        var names = NodeName().Matches(Table).Select(match => (File: match.Groups[1].Value, Test: match.Groups[2].Value)).Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name =>
        {
            string source = File.ReadAllText(Path.Combine(Root, "infra", "test", name.File));
            Assert.Contains($"test('{name.Test}'", source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryGlueFaultTest_IsInTable()
    {
        var tests = typeof(GlueFaultTests).GetMethods()
            .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Select(method => $"{nameof(GlueFaultTests)}.{method.Name}");

        Assert.All(tests, name => Assert.Contains($"`{name}`", Table, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z]+\.[A-Z][A-Za-z_]+)`")]
    private static partial Regex CSharpName();

    [GeneratedRegex(@"`([a-z-]+\.test\.mjs) › ([^`]+)`")]
    private static partial Regex NodeName();
}
