using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Members;

public enum MemberStatus
{
    Active,

    /// <summary>Left the college or marked inactive by the member system: kept, but may not sign in.</summary>
    Deactivated,
}

/// <summary>A member of the college. The college's member system is the source of truth for identity.</summary>
public sealed class Member
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The college's member number: the key of every sync with the member system.</summary>
    public required string MemberNumber { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public Language PreferredLanguage { get; set; } = Language.Fr;

    /// <summary>Codes of the Language list (fr, en).</summary>
    public List<string> LanguagesSpoken { get; set; } = [];

    /// <summary>Code of the CareerStage list.</summary>
    public required string CareerStage { get; set; }

    /// <summary>Code of the Region list (the 17 Quebec administrative regions).</summary>
    public required string Region { get; set; }
    public List<string> PracticeSettings { get; set; } = [];
    public List<string> Topics { get; set; } = [];

    /// <summary>Codes of the Availability list: when the member is usually free to meet.</summary>
    public List<string> Availability { get; set; } = [];
    public string? Bio { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Active;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// "lastname firstname" without accents or case, kept by <see cref="Data.JumoDbContext"/> on save:
    /// name search is accent-insensitive ("Helene" finds "Hélène") and the directory sorts on it.
    /// </summary>
    public string SearchName { get; private set; } = "";

    public string DisplayName => $"{FirstName} {LastName}";

    public void RefreshSearchName() => SearchName = Normalize($"{LastName} {FirstName}");

    /// <summary>Lower case, accents removed, spaces collapsed: the form names are compared in.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Normalize(System.Text.NormalizationForm.FormC);
    }
}

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public const int BioMaxLength = 1000;

    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.MemberNumber).IsUnique();
        builder.HasIndex(m => m.Email).IsUnique();
        builder.Property(m => m.MemberNumber).HasMaxLength(32);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.PreferredLanguage).HasConversion<string>().HasMaxLength(2);
        builder.Property(m => m.CareerStage).HasMaxLength(64);
        builder.Property(m => m.Region).HasMaxLength(64);
        builder.Property(m => m.Bio).HasMaxLength(BioMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.SearchName).HasMaxLength(210);
        builder.HasIndex(m => new { m.SearchName, m.Id });
    }
}
