namespace JumoMentoring.Domain.ReferenceData;

/// <summary>A language a person reads the platform in. French first: it is the default.</summary>
public enum Language
{
    Fr,
    En,
}

public static class LanguageCodes
{
    public static string ToCode(this Language language) => language == Language.En ? "en" : "fr";

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "fr":
                language = Language.Fr;
                return true;
            case "en":
                language = Language.En;
                return true;
            default:
                language = Language.Fr;
                return false;
        }
    }
}
