using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Members;

public static class MemberMutations
{
    public static void AddMemberMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpdateMyProfilePayloadType>>("updateMyProfile")
            .Description("Edits the signed-in member's profile. Every invalid field is reported; nothing is saved unless all are valid.")
            .Argument<NonNullGraphType<UpdateProfileInputType>>("input")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var input = c.GetArgument<UpdateProfileInput>("input");
                var errors = new MutationErrors(c.Graph().Language);
                var catalog = await c.RequestServices!.GetRequiredService<ReferenceCatalog>().GetAsync(c.CancellationToken);

                List<string>? Codes(List<string>? codes, ReferenceKind kind, string field, string code, int max, string fr, string en)
                {
                    if (codes is null)
                    {
                        return null;
                    }

                    var clean = codes.Select(x => x.Trim()).Distinct().ToList();
                    var unknown = clean.Where(x => !catalog.ContainsKey((kind, x))).ToList();
                    if (unknown.Count > 0)
                    {
                        errors.Add(code, $"{fr} inconnu : {string.Join(", ", unknown)}.", $"Unknown {en}: {string.Join(", ", unknown)}.", field);
                    }
                    else if (clean.Count > max)
                    {
                        errors.Add(code, $"Au plus {max} valeurs.", $"At most {max} values.", field);
                    }

                    return clean;
                }

                var languages = Codes(input.LanguagesSpoken, ReferenceKind.Language, "languagesSpoken", "INVALID_LANGUAGE", 2, "Code de langue", "language code");
                if (languages is { Count: 0 })
                {
                    errors.Add("INVALID_LANGUAGE", "Indiquez au moins une langue parlée.", "Give at least one spoken language.", "languagesSpoken");
                }

                var settings = Codes(input.PracticeSettings, ReferenceKind.PracticeSetting, "practiceSettings", "INVALID_PRACTICE_SETTING", 9, "Milieu de pratique", "practice setting");
                var availability = Codes(input.Availability, ReferenceKind.Availability, "availability", "INVALID_AVAILABILITY", 3, "Disponibilité", "availability");
                var topics = Codes(input.Topics, ReferenceKind.Topic, "topics", "INVALID_TOPIC", UpdateProfileInputType.MaxTopics, "Sujet", "topic");
                if (input.CareerStage is { } stage && !catalog.ContainsKey((ReferenceKind.CareerStage, stage)))
                {
                    errors.Add("INVALID_CAREER_STAGE", $"Étape de carrière inconnue : {stage}.", $"Unknown career stage: {stage}.", "careerStage");
                }

                if (input.Region is { } region && !catalog.ContainsKey((ReferenceKind.Region, region)))
                {
                    errors.Add("INVALID_REGION", $"Région inconnue : {region}. Utilisez le code d'une des 17 régions administratives.", $"Unknown region: {region}. Use the code of one of the 17 administrative regions.", "region");
                }

                var bio = input.Bio?.Trim();
                if (bio?.Length > MemberConfiguration.BioMaxLength)
                {
                    errors.Add("BIO_TOO_LONG", $"La biographie dépasse {MemberConfiguration.BioMaxLength} caractères.", $"The bio is longer than {MemberConfiguration.BioMaxLength} characters.", "bio");
                }

                if (errors.Any)
                {
                    return Payload<MemberView>.Fail(errors.All);
                }

                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var member = await db.Members.SingleAsync(m => m.Id == me, c.CancellationToken);
                member.PreferredLanguage = input.PreferredLanguage ?? member.PreferredLanguage;
                member.LanguagesSpoken = languages ?? member.LanguagesSpoken;
                member.CareerStage = input.CareerStage ?? member.CareerStage;
                member.Region = input.Region ?? member.Region;
                member.PracticeSettings = settings ?? member.PracticeSettings;
                member.Topics = topics ?? member.Topics;
                member.Availability = availability ?? member.Availability;
                member.Bio = bio is null ? member.Bio : bio.Length == 0 ? null : bio;
                member.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<MemberView>.Ok(new MemberView(member, MemberVisibility.Full));
            });
    }
}
