using System.Text.Json;
using System.Text.Json.Serialization;

namespace Varsling.Core.Messaging;

/// <summary>A file named by an entry; the name and type are sealed with the entry, never stored in plaintext.</summary>
public sealed record FileMention(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("size")] long Size);

/// <summary>
/// The report's answers: the plaintext of the Answers record (UTF-8 JSON; the browser writes the same shape).
/// <see cref="Extra"/> holds the answers to the channel's own questions, each with the question's text as the form
/// showed it; reports filed before channels had questions have none (the property is absent and reads as null).
/// </summary>
public sealed record ReportAnswers(
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("when")] string? When,
    [property: JsonPropertyName("where")] string? Where,
    [property: JsonPropertyName("who")] string? Who,
    [property: JsonPropertyName("how")] string? HowKnown,
    [property: JsonPropertyName("files")] IReadOnlyList<FileMention> Files,
    [property: JsonPropertyName("extra")] IReadOnlyList<QuestionAnswer>? Extra = null);

/// <summary>A channel question and the reporter's answer, sealed with the report's answers.</summary>
public sealed record QuestionAnswer(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Answer);

/// <summary>What the reporter chose to say about themselves; sealed under the identity key, never readable by the reporter's key.</summary>
public sealed record ReporterIdentity(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("contact")] string? Contact)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Contact);
}

/// <summary>A message between reporter and handlers: the plaintext of a Message record.</summary>
public sealed record MessageContent(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("files")] IReadOnlyList<FileMention> Files);

/// <summary>The one JSON encoding of sealed entries, shared by the server and the browser module.</summary>
public static class EntryJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectNullableAnnotations = true,
    };

    public static byte[] Encode<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, s_options);

    public static T Decode<T>(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<T>(utf8, s_options) ?? throw new JsonException("Empty entry.");
}
