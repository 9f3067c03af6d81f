namespace JumoMentoring.Tests.Infrastructure;

/// <summary>Demo members the tests sign in as (src/Domain/Data/DemoData.cs).</summary>
public static class DemoPeople
{
    /// <summary>Admin.</summary>
    public const string Admin = "nadia.saintpierre@exemple.qc.ca";

    /// <summary>Coordinator of the structured program.</summary>
    public const string StructuredCoordinator = "chantal.dubois@exemple.qc.ca";

    /// <summary>Coordinator of JUMO.</summary>
    public const string JumoCoordinator = "martin.levesque@exemple.qc.ca";

    /// <summary>Experienced physician, mentor in JUMO and the structured program; mentor of Thomas Leblanc (structured).</summary>
    public const string Helene = "helene.tremblay@exemple.qc.ca";

    /// <summary>Mentor in JUMO of Sarah Thompson (active match).</summary>
    public const string Margaret = "margaret.oconnor@exemple.qc.ca";

    /// <summary>Resident, mentee in JUMO, matched with Margaret.</summary>
    public const string Sarah = "sarah.thompson@exemple.qc.ca";

    /// <summary>Resident who applied to the structured program and is a JUMO mentee, no match.</summary>
    public const string Elodie = "elodie.poirier@exemple.qc.ca";

    /// <summary>Medical student, JUMO mentee, no match.</summary>
    public const string Noah = "noah.smith@exemple.qc.ca";

    /// <summary>Resident on the structured program's waiting list, not in JUMO.</summary>
    public const string Camille = "camille.ouellet@exemple.qc.ca";

    public const int MemberCount = 43;
}
