using System.Text.Json;
using System.Text.Json.Serialization;
using Committee.Delegations;
using Committee.Infrastructure;

namespace Committee.Domain;

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

/// <summary>What a sponsor puts its name to: a draft of a session, issued on a date, with its text (an observer's right
/// to sponsor can depend on all three, PROCEDURE §4.4).</summary>
public sealed record SponsoredText(int Session, DateOnly Date, string Text)
{
    public static SponsoredText Of(Draft draft) => Of(draft.Session, draft.Date, draft.Title, draft.Preamble, draft.Operative);

    public static SponsoredText Of(int session, DateOnly date, string title, IEnumerable<string> preamble, IEnumerable<string> operative) =>
        new(session, date, string.Join("\n", [title, .. preamble, .. operative]));
}

public static class Sponsors
{
    /// <summary>Resolves each named delegation to a State that may sponsor the draft, by the name in use at its date.</summary>
    public static IReadOnlyList<Sponsor> Resolve(IReadOnlyList<SponsorRequest> requests, SponsoredText draft, MemberStates states, string field)
    {
        var sponsors = new List<Sponsor>();
        for (var i = 0; i < requests.Count; i++)
        {
            var sponsor = Resolve(requests[i], draft, states, $"{field}[{i}]");
            if (sponsors.Any(s => s.Iso3 == sponsor.Iso3))
                throw Refusal.Unprocessable($"{field}[{i}]", $"{sponsor.Delegation} is named twice");
            sponsors.Add(sponsor);
        }
        return sponsors;
    }

    /// <summary>A Member State of the draft's date (admitted by then, named as then), or an observer whose rights allow
    /// it (PROCEDURE §4.4); acting for itself, or for a group it belonged to at that date.</summary>
    public static Sponsor Resolve(SponsorRequest request, SponsoredText draft, MemberStates states, string field)
    {
        if (string.IsNullOrWhiteSpace(request.Delegation))
            throw Refusal.Invalid(field, "a delegation is required");
        var date = draft.Date;
        Sponsor sponsor;
        if (states.Find(request.Delegation, date) is { } state)
        {
            if (!state.IsMemberOn(date))
                throw Refusal.Unprocessable(field,
                    $"{state.CurrentName} was not a Member State on {date:d MMMM yyyy} (admitted {state.AdmissionDate:d MMMM yyyy})");
            sponsor = new Sponsor(state.Iso3, state.NameOn(date));
        }
        else if (Observers.Find(request.Delegation) is { } observer)
        {
            if (observer.MayNotSponsor(draft.Session, draft.Text) is { } rule) throw Refusal.Unprocessable(field, rule);
            sponsor = new Sponsor(observer.Code, observer.Name);
        }
        else throw Refusal.Unprocessable(field, $"'{request.Delegation}' is not a Member State of the United Nations, nor an observer");

        if (string.IsNullOrWhiteSpace(request.OnBehalfOf)) return sponsor;
        var group = Groups.Find(request.OnBehalfOf)
            ?? throw Refusal.Unprocessable($"{field}.onBehalfOf", $"'{request.OnBehalfOf}' is not a known group of States");
        if (group.RegionalGroup is { } region && !(states.ByIso3(sponsor.Iso3)?.GroupsOn(date).Contains(region) ?? false))
            throw Refusal.Unprocessable($"{field}.onBehalfOf", $"{sponsor.Delegation} was not a member of the {group.NameOn(date)} on {date:d MMMM yyyy}");
        return sponsor with { OnBehalfOf = group.NameOn(date) };
    }
}
