using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Domain;
using JumoMentoring.Domain.CheckIns;
using Microsoft.EntityFrameworkCore;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.CheckIns;

public static class CheckInMutations
{
    public static void AddCheckInMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CheckInPayloadType>>("submitCheckIn")
            .Description("A member's check-in on an active or paused match. It may come before it is due (to raise something with the coordinators at once) and restarts the interval; at most one a day per match.")
            .Argument<NonNullGraphType<SubmitCheckInInputType>>("input")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var input = c.GetArgument<SubmitCheckInInput>("input");
                var matchId = GlobalId.Parse(input.MatchId, MatchType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                var now = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().ToDatabasePrecision();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, c.CancellationToken);
                var check = MatchMembership.CheckWrite(match, c.Viewer());
                if (check != MatchWrite.Allowed)
                {
                    return Payload<CheckIn>.Fail(errors.Refuse(check, "matchId", MatchMembership.MatchNotFound));
                }

                if (input.Satisfaction is < CheckIn.MinSatisfaction or > CheckIn.MaxSatisfaction)
                {
                    errors.Add("SATISFACTION_OUT_OF_RANGE",
                        $"La satisfaction va de {CheckIn.MinSatisfaction} à {CheckIn.MaxSatisfaction}.",
                        $"Satisfaction is {CheckIn.MinSatisfaction} to {CheckIn.MaxSatisfaction}.", "satisfaction");
                }

                var comment = input.Comment?.Trim();
                if (comment?.Length > CheckIn.CommentMaxLength)
                {
                    errors.Add("COMMENT_TOO_LONG", $"Le commentaire dépasse {CheckIn.CommentMaxLength} caractères.", $"The comment is longer than {CheckIn.CommentMaxLength} characters.", "comment");
                }

                var recent = now - CheckInSchedule.MinimumGap;
                if (await db.CheckIns.AnyAsync(x => x.MatchId == matchId && x.MemberId == me && x.SubmittedAt > recent, c.CancellationToken))
                {
                    errors.Add("CHECK_IN_TOO_SOON", "Vous avez déjà fait un suivi de ce jumelage dans les dernières 24 heures.", "You already checked in on this match in the last 24 hours.", "matchId");
                }

                if (errors.Any)
                {
                    return Payload<CheckIn>.Fail(errors.All);
                }

                var checkIn = new CheckIn
                {
                    MatchId = matchId,
                    MemberId = me,
                    Satisfaction = input.Satisfaction,
                    Met = input.Met,
                    Comment = string.IsNullOrEmpty(comment) ? null : comment,
                    SubmittedAt = now,
                };
                db.CheckIns.Add(checkIn);
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<CheckIn>.Ok(checkIn);
            });
}
