using Varsling.Testing;

namespace Varsling.Intake.Tests;

public sealed class IntakeHost : WebHostFixture<Program>;

public sealed class IntakeIsSafeByDefault(IntakeHost host) : SafeByDefaultTests<Program>(host), IClassFixture<IntakeHost>;
