using System.Text.Json;
using GlueTaskRunLambda.LocalGlue.Json;
using GlueTaskRunLambda.LocalGlue.Simulation;

namespace GlueTaskRunLambda.LocalGlue;

/// <summary>Reads and validates runs files, such as the runs.json shipped with local-glue.</summary>
public static class SimulatedTaskRuns
{
    /// <summary>Path of the runs.json copied beside the local-glue assembly.</summary>
    public static string DefaultFilePath => Path.Combine(AppContext.BaseDirectory, "runs.json");

    /// <summary>Reads and validates a runs file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON of runs, or a run is invalid.</exception>
    public static IReadOnlyList<SimulatedTaskRun> Load(string path)
    {
        string json = File.ReadAllText(path);
        return Parse(json, $"'{path}'");
    }

    /// <summary>Parses and validates the JSON of a runs file.</summary>
    /// <param name="json">A document of the form <c>{"runs": [ ... ]}</c>.</param>
    /// <param name="source">Name of the document in error messages.</param>
    /// <exception cref="InvalidDataException">The JSON is not a valid runs document, or a run is invalid.</exception>
    public static IReadOnlyList<SimulatedTaskRun> Parse(string json, string source = "the runs document")
    {
        SimulatedRunsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RunsFileJsonContext.Default.SimulatedRunsDocument);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"Reading runs from {source} failed: {exception.Message}",
                exception);
        }

        if (document is null)
        {
            throw new InvalidDataException(
                $"Reading runs from {source} failed: the document is null, and it must be an object with a runs array.");
        }

        TaskRunDefinitionValidator.Validate(document.Runs, source);
        return document.Runs;
    }
}
