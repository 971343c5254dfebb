// Facts of the function's contract that the wait loop depends on, written out so that a
// change to the function that breaks the loop fails these checks.

/** errorType values the function reports, with whether a retry may succeed. */
export const FUNCTION_ERRORS = Object.freeze({
  InvalidTaskRunRequest: { retryable: false },
  TaskRunNotFound: { retryable: false },
  GlueAccessDenied: { retryable: false },
  GlueThrottled: { retryable: true },
  GlueUnavailable: { retryable: true },
});

/** Errors of the Lambda service itself, which AWS recommends retrying. */
export const LAMBDA_SERVICE_ERRORS = Object.freeze([
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
]);

/** Fields of the status document, in the order the function writes them. */
export const STATUS_DOCUMENT_FIELDS = Object.freeze([
  'TransformId',
  'TaskRunId',
  'Status',
  'IsTerminal',
  'TaskType',
  'LogGroupName',
  'ErrorString',
  'StartedOn',
  'LastModifiedOn',
  'CompletedOn',
  'ExecutionTime',
  'ImportLabelsInputS3Path',
  'ImportLabelsReplace',
  'ExportLabelsOutputS3Path',
  'LabelingSetGenerationOutputS3Path',
  'FindMatchesJobId',
  'FindMatchesJobName',
  'FindMatchesJobRunId',
  'CheckedOn',
  'PollCount',
  'NextPollSeconds',
  'MinPollSeconds',
  'MaxPollSeconds',
  'ErrorStringTruncated',
  'ErrorStringLength',
  'FirstCheckedOn',
  'MaxWaitSeconds',
  'WaitDeadline',
  'WaitExpired',
  'CancelOnWaitBound',
]);
