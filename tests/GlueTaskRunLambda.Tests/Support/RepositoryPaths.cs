namespace GlueTaskRunLambda.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains GlueTaskRunLambda.sln, found upward from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GlueTaskRunLambda.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new DirectoryNotFoundException($"No GlueTaskRunLambda.sln above '{AppContext.BaseDirectory}'.");
    }
}
