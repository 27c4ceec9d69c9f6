using Committee.Domain.Tests.Support;
using Committee.Imports;

namespace Committee.Domain.Tests;

/// <summary>Names as the library wrote them (PROCEDURE §6.2): repaired when the repair is unambiguous, never guessed.</summary>
public class UndlNamesTests
{
    private static readonly DateOnly In2023 = new(2023, 11, 1);
    private static readonly UndlNames Names = new(SharedData.MemberStates);

    [Theory]
    [InlineData("TÃ¼rkiye", "Türkiye")]
    [InlineData("CÃ´te d'Ivoire", "Côte d'Ivoire")]
    [InlineData("Türkiye", "Türkiye")]
    [InlineData("Côte d'Ivoire", "Côte d'Ivoire")]
    [InlineData("Belarus", "Belarus")]
    public void Double_encoded_UTF_8_is_repaired_and_correct_text_is_left_alone(string listed, string repaired) =>
        Assert.Equal(repaired, UndlNames.RepairMojibake(listed));

    [Theory]
    [InlineData("TÃ¼rkiye", "Türkiye", UndlNames.Mojibake)]
    [InlineData("Ir eland", "Ireland", UndlNames.Spelling)]
    [InlineData("Cote d'Ivoire", "Côte d'Ivoire", UndlNames.Spelling)]
    [InlineData("Netherlands (Kingdom of The)", "Netherlands (Kingdom of the)", UndlNames.Spelling)]
    [InlineData("United Kingdom", "United Kingdom of Great Britain and Northern Ireland", UndlNames.ShortForm)]
    [InlineData("United States", "United States of America", UndlNames.ShortForm)]
    [InlineData("Venezuela (Bolivarian Republic)", "Venezuela (Bolivarian Republic of)", UndlNames.ShortForm)]
    [InlineData("Lao People's Democratic Republic", "Lao People's Democratic Republic", null)]
    [InlineData("Micronesia (Federated States of)", "Micronesia (Federated States of)", null)]
    [InlineData("Congo", "Congo", null)]
    [InlineData("State of Palestine", "State of Palestine", null)]
    public void The_UN_long_forms_resolve_and_unambiguous_variants_are_repaired(string listed, string known, string? repair)
    {
        var name = Names.Read(listed, In2023);
        Assert.Equal((known, repair), (name.Known, name.Repair));
    }

    [Fact]
    public void A_repaired_name_is_the_name_in_use_at_the_drafts_date() =>
        Assert.Equal("Turkey", Names.Read("TÃ¼rkiye", new DateOnly(2009, 11, 10)).Known);

    [Theory]
    [InlineData("Ruritania")]
    [InlineData("Saint")]          // Saint Kitts and Nevis, Saint Lucia or Saint Vincent and the Grenadines: not guessed
    [InlineData("Guinea-Bissau and Cabo")]
    public void A_name_that_is_no_State_or_fits_several_is_left_unresolved(string listed) => Assert.Null(Names.Read(listed, In2023).Known);

    [Theory]
    [InlineData("Belarus and Russian Federation", new[] { "Belarus", "Russian Federation" })]
    [InlineData("Nigeria, Saint Vincent and the Grenadines and Saudi Arabia", new[] { "Nigeria", "Saint Vincent and the Grenadines", "Saudi Arabia" })]
    [InlineData("Slovenia, TÃ¼rkiye and United Kingdom of Great Britain and Northern Ireland", new[] { "Slovenia", "TÃ¼rkiye", "United Kingdom of Great Britain and Northern Ireland" })]
    [InlineData("Suriname, Trinidad and Tobago and Ukraine", new[] { "Suriname", "Trinidad and Tobago", "Ukraine" })]
    [InlineData("Micronesia (Federated States of), New Zealand, Ukraine, United Kingdom and United States", new[] { "Micronesia (Federated States of)", "New Zealand", "Ukraine", "United Kingdom", "United States" })]
    [InlineData("Uganda, Ukraine, Venezuela (Bolivarian Republic of)", new[] { "Uganda", "Ukraine", "Venezuela (Bolivarian Republic of)" })]
    [InlineData("Bosnia and Herzegovina", new[] { "Bosnia and Herzegovina" })]
    public void A_list_splits_at_commas_and_at_the_and_that_separates_two_names(string list, string[] names) =>
        Assert.Equal(names, Names.Split(list, In2023).Select(n => n.Name));

    [Fact]
    public void A_group_in_brackets_stays_with_its_State_and_its_own_and_is_not_a_separator()
    {
        var names = Names.Split("Cuba [on behalf of the Group of 77 and China] and Kazakhstan", In2023);
        Assert.Equal([new ListedName("Cuba", "the Group of 77 and China"), new ListedName("Kazakhstan", null)], names);
    }

    [Fact]
    public void Stray_words_before_a_groups_name_are_dropped() =>
        Assert.Equal("Organisation of Islamic Cooperation", UndlNames.ReadGroup("the of the Organization of Islamic Cooperation")?.Name);
}
