using GlueTaskRunLambda.LocalGlue.Protocol.Wire;
using GlueTaskRunLambda.LocalGlue.Simulation;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>Converts snapshots of simulated runs to the documents that Glue returns.</summary>
internal static class TaskRunDocuments
{
    public static TaskRunDocument From(TaskRunSnapshot snapshot)
    {
        TaskRunDefinition definition = snapshot.Definition;
        return new TaskRunDocument(
            definition.TransformId,
            definition.TaskRunId,
            snapshot.Status.ToWire(),
            definition.LogGroupName,
            PropertiesOf(definition),
            snapshot.ErrorString,
            snapshot.StartedOn,
            snapshot.LastModifiedOn,
            snapshot.CompletedOn,
            snapshot.ExecutionTimeSeconds);
    }

    private static TaskRunPropertiesDocument PropertiesOf(TaskRunDefinition definition)
    {
        TaskType taskType = definition.TaskType;
        return new TaskRunPropertiesDocument(
            taskType.ToWire(),
            taskType == TaskType.ImportLabels
                ? new ImportLabelsTaskRunProperties(definition.InputS3Path!, definition.Replace)
                : null,
            taskType == TaskType.ExportLabels ? new OutputS3PathProperties(definition.OutputS3Path!) : null,
            taskType == TaskType.LabelingSetGeneration ? new OutputS3PathProperties(definition.OutputS3Path!) : null,
            taskType == TaskType.FindMatches
                ? new FindMatchesTaskRunProperties(definition.JobId!, definition.JobName!, definition.JobRunId!)
                : null);
    }
}
