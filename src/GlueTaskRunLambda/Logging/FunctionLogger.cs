using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GlueTaskRunLambda.Errors;

namespace GlueTaskRunLambda.Logging;

/// <summary>
/// Writes one log line per call, as Lambda's JSON log format when AWS_LAMBDA_LOG_FORMAT
/// is JSON and as tab-separated text otherwise. Every value is written as a JSON value,
/// so a control character inside an id or a Glue message cannot start a forged line.
/// Every string value passes through a <see cref="SecretRedactor"/>. A failed write is
/// dropped, so logging never fails an invocation.
/// </summary>
internal sealed class FunctionLogger
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _output;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly SecretRedactor _redactor;

    public FunctionLogger(
        TextWriter output,
        TimeProvider timeProvider,
        bool json,
        LogLevel minimumLevel,
        SecretRedactor? redactor = null)
    {
        _redactor = redactor ?? SecretRedactor.PatternsOnly;
        _output = output;
        _timeProvider = timeProvider;
        IsJson = json;
        MinimumLevel = minimumLevel;
    }

    public bool IsJson { get; }

    public LogLevel MinimumLevel { get; }

    /// <summary>Creates a logger from AWS_LAMBDA_LOG_FORMAT and AWS_LAMBDA_LOG_LEVEL.</summary>
    public static FunctionLogger FromEnvironment(
        Func<string, string?> getVariable,
        TextWriter output,
        TimeProvider timeProvider,
        SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        bool json = string.Equals(getVariable("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase);
        LogLevel level = Enum.TryParse(getVariable("AWS_LAMBDA_LOG_LEVEL"), ignoreCase: true, out LogLevel parsed)
            ? parsed
            : LogLevel.Info;
        return new FunctionLogger(output, timeProvider, json, level, redactor);
    }

    public bool IsEnabled(LogLevel level) => level >= MinimumLevel;

    public void Log(LogLevel level, string message, params ReadOnlySpan<LogField> fields)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        try
        {
            string line = IsJson ? FormatJson(level, message, fields) : FormatText(level, message, fields);
            lock (_gate)
            {
                _output.WriteLine(line);
                _output.Flush();
            }
        }
        catch (IOException)
        {
            // A closed or full log stream must not fail the invocation.
        }
        catch (ObjectDisposedException)
        {
            // Same as above: the process is shutting down.
        }
    }

    public void Info(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Info, message, fields);

    public void Warn(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Warn, message, fields);

    public void Error(string message, params ReadOnlySpan<LogField> fields) => Log(LogLevel.Error, message, fields);

    private string FormatJson(LogLevel level, string message, ReadOnlySpan<LogField> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Timestamp());
            writer.WriteString("level", LevelName(level));
            writer.WriteString("message", message);
            foreach (LogField field in fields)
            {
                writer.WritePropertyName(field.Name);
                WriteValue(writer, field.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private string FormatText(LogLevel level, string message, ReadOnlySpan<LogField> fields)
    {
        var line = new StringBuilder();
        line.Append(Timestamp()).Append('\t').Append(LevelName(level)).Append('\t').Append(message);
        foreach (LogField field in fields)
        {
            line.Append(' ').Append(field.Name).Append('=').Append(JsonText(field.Value));
        }

        return line.ToString();
    }

    private string JsonText(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(_redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture)));
                break;
        }
    }

    private string Timestamp() =>
        _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string LevelName(LogLevel level) => level.ToString().ToUpperInvariant();
}
