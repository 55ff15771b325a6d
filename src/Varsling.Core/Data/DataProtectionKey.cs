namespace Varsling.Core.Data;

/// <summary>
/// One ASP.NET Core data-protection key (its XML element), so every instance of a web host shares one key ring and
/// the hosts stay stateless. Each host reads only the rows of its own application name, so intake and back office
/// keep separate key rings in the same table. Deployment-level, not organisation-owned.
/// </summary>
public sealed class DataProtectionKey
{
    private DataProtectionKey() { }

    public DataProtectionKey(string applicationName, string? friendlyName, string xml)
    {
        ApplicationName = applicationName;
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }

    public string ApplicationName { get; private set; } = "";

    public string? FriendlyName { get; private set; }

    public string Xml { get; private set; } = "";
}
