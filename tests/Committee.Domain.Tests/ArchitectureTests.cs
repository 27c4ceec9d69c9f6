using System.Reflection;
using NetArchTest.Rules;

namespace Committee.Domain.Tests;

/// <summary>
/// The modules of Committee.Api (its top-level namespaces) stand in layers: a module may use the modules of lower
/// layers only, never a module of its own layer nor of a higher one, so they can never form a cycle. A module's
/// sub-namespaces (Committee.Voting.Unvotes) belong to it. docs/architecture.md ("Modules and their order") says what lives where.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The order, lowest first: the one place it is declared.</summary>
    private static readonly string[][] Layers =
    [
        ["Infrastructure"],
        ["Delegations"],
        ["Domain"],
        ["Drafts", "Sponsorship", "Voting", "Floor"], // the capabilities
        ["Live", "History"],                           // views over them
        ["Imports"],                                   // brings records in through History's import and the capabilities
    ];

    private static readonly Assembly Api = typeof(DomainModule).Assembly;

    private static readonly string[] Modules = Layers.SelectMany(l => l).ToArray();

    private static int LayerOf(string module) => Array.FindIndex(Layers, l => l.Contains(module));

    /// <summary>Every module and another that it may not use, because it is in a higher layer.</summary>
    public static TheoryData<string, string> Upward() =>
        Pairs((module, other) => LayerOf(other) > LayerOf(module));

    /// <summary>Every module and another of its own layer (capabilities, views), which it may not use either.</summary>
    public static TheoryData<string, string> Peers() =>
        Pairs((module, other) => module != other && LayerOf(other) == LayerOf(module));

    [Fact]
    public void Infrastructure_knows_no_other_module()
    {
        var others = Modules.Where(m => m != "Infrastructure").Select(Namespace).ToArray();
        AssertKept(Types.InAssembly(Api).That().ResideInNamespace(Namespace("Infrastructure")).ShouldNot().HaveDependencyOnAny(others),
            "Infrastructure", "any other module");
    }

    [Theory, MemberData(nameof(Upward))]
    public void No_module_uses_a_higher_layer(string module, string higher) => AssertDoesNotUse(module, higher);

    [Theory, MemberData(nameof(Peers))]
    public void Capabilities_and_views_do_not_use_their_peers(string module, string peer) => AssertDoesNotUse(module, peer);

    /// <summary>A new top-level namespace must be given its place, or the rules above would not see it.</summary>
    [Fact]
    public void Every_module_has_its_place_in_the_order()
    {
        var unplaced = Api.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Committee.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1]).Distinct().Except(Modules).ToList();
        Assert.True(unplaced.Count == 0, $"modules missing from {nameof(Layers)}: {string.Join(", ", unplaced)}");
    }

    private static void AssertDoesNotUse(string module, string other) =>
        AssertKept(Types.InAssembly(Api).That().ResideInNamespace(Namespace(module)).ShouldNot().HaveDependencyOn(Namespace(other)),
            module, other);

    private static void AssertKept(ConditionList rule, string module, string other)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful,
            $"{module} may not use {other}, but these types of it do: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static string Namespace(string module) => $"Committee.{module}";

    private static TheoryData<string, string> Pairs(Func<string, string, bool> forbidden)
    {
        var pairs = new TheoryData<string, string>();
        foreach (var module in Modules)
            foreach (var other in Modules.Where(o => forbidden(module, o)))
                pairs.Add(module, other);
        return pairs;
    }
}
