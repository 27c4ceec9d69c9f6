using System.Text.Json;
using System.Text.Json.Serialization;
using Committee.Delegations;
using Committee.Drafts;
using Committee.Infrastructure;

namespace Committee.Sponsorship;

/// <summary>A delegation as a secretary names it: ISO3 code or name ("TUR", "Türkiye", "Turkey"), optionally acting
/// on behalf of a group. In JSON either a plain string or {"delegation": …, "onBehalfOf": …}.</summary>
[JsonConverter(typeof(SponsorRequestConverter))]
public sealed record SponsorRequest(string Delegation, string? OnBehalfOf = null);

public sealed class SponsorRequestConverter : JsonConverter<SponsorRequest>
{
    public override SponsorRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new SponsorRequest(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a delegation is a name or ISO3 code, or an object {\"delegation\", \"onBehalfOf\"}");
        string? delegation = null, onBehalfOf = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null
                : reader.TokenType == JsonTokenType.String ? reader.GetString()
                : throw new JsonException($"'{property}' must be a string");
            switch (property)
            {
                case "delegation": delegation = value; break;
                case "onBehalfOf": onBehalfOf = value; break;
                default: throw new JsonException($"'{property}' is not a field of a sponsor: use delegation and onBehalfOf");
            }
        }
        return new SponsorRequest(delegation ?? throw new JsonException("a sponsor needs its delegation"), onBehalfOf);
    }

    public override void Write(Utf8JsonWriter writer, SponsorRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("delegation", value.Delegation);
        if (value.OnBehalfOf is not null) writer.WriteString("onBehalfOf", value.OnBehalfOf);
        writer.WriteEndObject();
    }
}

public static class Sponsors
{
    /// <summary>Resolves each named delegation to a Member State of the draft's date, by the name then in use.</summary>
    public static IReadOnlyList<Sponsor> Resolve(IReadOnlyList<SponsorRequest> requests, DateOnly date, MemberStates states, string field)
    {
        var sponsors = new List<Sponsor>();
        for (var i = 0; i < requests.Count; i++)
        {
            var sponsor = Resolve(requests[i], date, states, $"{field}[{i}]");
            if (sponsors.Any(s => s.Iso3 == sponsor.Iso3))
                throw Refusal.Unprocessable($"{field}[{i}]", $"{sponsor.Delegation} is named twice");
            sponsors.Add(sponsor);
        }
        return sponsors;
    }

    public static Sponsor Resolve(SponsorRequest request, DateOnly date, MemberStates states, string field)
    {
        if (string.IsNullOrWhiteSpace(request.Delegation))
            throw Refusal.Invalid(field, "a delegation is required");
        var state = states.Find(request.Delegation, date)
            ?? throw Refusal.Unprocessable(field, $"'{request.Delegation}' is not a Member State of the United Nations");
        if (!state.IsMemberOn(date))
            throw Refusal.Unprocessable(field,
                $"{state.CurrentName} was not a Member State on {date:d MMMM yyyy} (admitted {state.AdmissionDate:d MMMM yyyy})");
        string? group = null;
        if (!string.IsNullOrWhiteSpace(request.OnBehalfOf))
            group = (Groups.Find(request.OnBehalfOf)
                ?? throw Refusal.Unprocessable($"{field}.onBehalfOf", $"'{request.OnBehalfOf}' is not a known group of States")).Name;
        return new Sponsor(state.Iso3, state.NameOn(date), group);
    }
}
