using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Webhooks;

/// <summary>
/// The webhook events of the API's mutations, written with <see cref="Outbox.Add"/> into the
/// mutation's own DbContext: call them just before its SaveChanges. Ids are Relay global ids.
/// </summary>
public static class WebhookEvents
{
    /// <summary>member.enrolled, when <paramref name="enrolment"/> is active (a flexible enrolment, or an admission); nothing for an application.</summary>
    public static async Task MemberEnrolledAsync(JumoDbContext db, Enrolment enrolment, CancellationToken cancellationToken)
    {
        if (enrolment.Status != EnrolmentStatus.Active)
        {
            return;
        }

        var names = await db.Members.AsNoTracking()
            .Where(m => m.Id == enrolment.MemberId)
            .Select(m => new { m.MemberNumber, ProgramCode = db.Programs.Where(p => p.Id == enrolment.ProgramId).Select(p => p.Code).Single() })
            .SingleAsync(cancellationToken);
        Outbox.Add(db, WebhookEventTypes.MemberEnrolled, new
        {
            Enrolment = new
            {
                Id = GlobalId.Encode(EnrolmentType.TypeName, enrolment.Id),
                Role = enrolment.Role.ToString().ToUpperInvariant(),
                Status = enrolment.Status.ToString().ToUpperInvariant(),
                CohortId = enrolment.CohortId is { } cohort ? GlobalId.Encode(CohortType.TypeName, cohort) : null,
            },
            Member = new { Id = GlobalId.Encode(MemberType.TypeName, enrolment.MemberId), names.MemberNumber },
            Program = new { Id = GlobalId.Encode(ProgramType.TypeName, enrolment.ProgramId), Code = names.ProgramCode },
        });
    }
}
