namespace Committee.Infrastructure;

/// <summary>Numbers in running English, as the Committee's texts write them.</summary>
public static class English
{
    /// <summary>"1st", "22nd", "64th", "111th".</summary>
    public static string Ordinal(int n) =>
        n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
