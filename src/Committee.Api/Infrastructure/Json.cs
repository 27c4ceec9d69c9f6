using System.Text.Json;
using System.Text.Json.Serialization;

namespace Committee.Infrastructure;

/// <summary>The one JSON dialect of the API, SignalR and stored responses: camelCase, enums as camelCase strings,
/// and strict reading (required members and non-nullable references must be present).</summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        // Read-only, with the reflection resolver: its contracts (GetTypeInfo) are what requests are checked against.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>What a JSON value of a .NET type looks like, in the client's words: problems never name .NET types.</summary>
public static class JsonTypes
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int)) return $"a whole number from {int.MinValue} to {int.MaxValue}";
        if (type == typeof(long)) return $"a whole number from {long.MinValue} to {long.MaxValue}";
        if (type == typeof(DateOnly)) return "a date such as 2009-11-19";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a date and time such as 2009-11-19T15:00:00Z";
        if (type == typeof(Guid)) return "an id such as 0190a8f2-6b4e-7c3d-9a1b-2c3d4e5f6a7b";
        if (type.IsEnum)
            return $"one of {string.Join(", ", type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(f =>
                f.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false) is [JsonStringEnumMemberNameAttribute named, ..]
                    ? named.Name : JsonNamingPolicy.CamelCase.ConvertName(f.Name)))}";
        if (type.IsAssignableTo(typeof(System.Collections.IEnumerable))) return "a list";
        return "an object";
    }
}
