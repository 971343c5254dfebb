namespace GlueTaskRunLambda.LocalGlue.Protocol;

/// <summary>Glue's TaskRunSortColumnType: TASK_RUN_TYPE, STATUS or STARTED.</summary>
internal enum TaskRunSortColumn
{
    TaskRunType,
    Status,
    Started,
}
