using GlueTaskRunLambda.LocalGlue.Simulation;

namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>
/// The validated Filter and Sort of a GetMLTaskRuns request. Without a Sort member, runs
/// come newest first.
/// </summary>
// NOTE: Glue does not document its default order or whether the StartedBefore and
// StartedAfter bounds are inclusive. Here the default is STARTED DESCENDING, and both
// bounds are exclusive.
internal sealed record TaskRunQuery(
    TaskType? TaskRunType,
    TaskStatusType? Status,
    DateTimeOffset? StartedBefore,
    DateTimeOffset? StartedAfter,
    TaskRunSortColumn SortColumn,
    bool Descending)
{
    /// <summary>Returns the runs that pass the filter, in the requested order.</summary>
    public IReadOnlyList<TaskRunSnapshot> Apply(IEnumerable<TaskRunSnapshot> snapshots)
    {
        List<TaskRunSnapshot> matching = snapshots.Where(Matches).ToList();
        matching.Sort(Compare);
        return matching;
    }

    private bool Matches(TaskRunSnapshot snapshot) =>
        (TaskRunType is null || snapshot.Definition.TaskType == TaskRunType)
        && (Status is null || snapshot.Status == Status)
        && (StartedBefore is null || snapshot.StartedOn < StartedBefore)
        && (StartedAfter is null || snapshot.StartedOn > StartedAfter);

    private int Compare(TaskRunSnapshot left, TaskRunSnapshot right)
    {
        int byColumn = SortColumn switch
        {
            TaskRunSortColumn.TaskRunType => string.CompareOrdinal(
                left.Definition.TaskType.ToWire(),
                right.Definition.TaskType.ToWire()),
            TaskRunSortColumn.Status => string.CompareOrdinal(left.Status.ToWire(), right.Status.ToWire()),
            _ => left.StartedOn.CompareTo(right.StartedOn),
        };

        if (byColumn != 0)
        {
            return Descending ? -byColumn : byColumn;
        }

        // Runs that tie keep a fixed order, so that pages do not overlap.
        return string.CompareOrdinal(left.Definition.TaskRunId, right.Definition.TaskRunId);
    }
}
