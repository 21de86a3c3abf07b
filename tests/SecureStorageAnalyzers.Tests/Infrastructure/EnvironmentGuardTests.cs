using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyGuard = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Tests.Infrastructure.NotDevelopmentOnlyProbeAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// <see cref="SecureStorageAnalyzers.Infrastructure.EnvironmentGuard"/> through a probe: <c>[|Probe.Marker()|]</c> marks
/// a call the guard must consider reachable outside Development; a bare <c>Probe.Marker()</c> one it must consider
/// Development-only.
/// </summary>
public class EnvironmentGuardTests
{
    private static Task VerifyInMethodAsync(string body, TestFramework framework = TestFramework.AspNetCore10) =>
        VerifyAsync($$"""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env, bool flag, string name)
                {
            {{body}}
                }
            }
            """, framework);

    private static Task VerifyAsync(string source, TestFramework framework = TestFramework.AspNetCore10)
    {
        var test = new VerifyGuard.Test(source, framework);
        test.TestState.Sources.Add(("Probe.cs", NotDevelopmentOnlyProbeAnalyzer.ProbeSource));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("if (env.IsDevelopment()) Probe.Marker();")]
    [InlineData("if (env.IsDevelopment()) { Probe.Marker(); }")]
    [InlineData("if (env.IsDevelopment()) { if (flag) { Probe.Marker(); } }")]
    [InlineData("if (!env.IsDevelopment()) { app.UseHsts(); } else { Probe.Marker(); }")]
    [InlineData("if (!env.IsDevelopment()) return; Probe.Marker();")]
    [InlineData("if (!env.IsDevelopment()) { app.UseHsts(); return; } Probe.Marker();")]
    [InlineData("if (!env.IsDevelopment()) throw new InvalidOperationException(); Probe.Marker();")]
    [InlineData("if (!env.IsDevelopment()) return; if (flag) { Probe.Marker(); }")]
    [InlineData("if (!env.IsDevelopment()) return; { Probe.Marker(); }")]
    [InlineData("if (env.IsDevelopment() && flag) Probe.Marker();")]
    [InlineData("if (flag && env.IsDevelopment()) Probe.Marker();")]
    [InlineData("if (flag && (name.Length > 0 && env.IsDevelopment())) Probe.Marker();")]
    [InlineData("if (!env.IsDevelopment() || flag) { } else { Probe.Marker(); }")]
    [InlineData("if (!(!env.IsDevelopment())) Probe.Marker();")]
    [InlineData("if (env.IsDevelopment() == true) Probe.Marker();")]
    [InlineData("if (env.IsDevelopment() != false) Probe.Marker();")]
    [InlineData("if (false == env.IsDevelopment()) { } else { Probe.Marker(); }")]
    [InlineData("if (env.IsDevelopment() == false) return; Probe.Marker();")]
    [InlineData("if (!env.IsDevelopment()) { return; } else { app.UseDeveloperExceptionPage(); } Probe.Marker();")]
    [InlineData("if (env.IsDevelopment()) { app.UseDeveloperExceptionPage(); } else { return; } Probe.Marker();")]
    [InlineData("if (env.IsEnvironment(\"Development\")) Probe.Marker();")]
    [InlineData("if (env.IsEnvironment(\"development\")) Probe.Marker();")]
    [InlineData("if (env.IsEnvironment(\"DEVELOPMENT\")) Probe.Marker();")]
    [InlineData("if (env.IsEnvironment(Environments.Development)) Probe.Marker();")]
    [InlineData("if (HostEnvironmentEnvExtensions.IsDevelopment(env)) Probe.Marker();")]
    [InlineData("var x = env.IsDevelopment() ? Probe.Marker() : 0;")]
    [InlineData("if (env.IsDevelopment()) { Action register = () => Probe.Marker(); register(); }")]
    [InlineData("if (env.IsDevelopment()) { app.Use(next => { Probe.Marker(); return next; }); }")]
    [InlineData("Action register = () => { if (!env.IsDevelopment()) return; Probe.Marker(); }; register();")]
    [InlineData("if (!env.IsDevelopment()) return; Action register = () => Probe.Marker(); register();")]
    public async Task DevelopmentOnly_NotReportedAsync(string body)
    {
        await VerifyInMethodAsync(body);
    }

    [Theory]
    [InlineData("[|Probe.Marker()|];")]
    [InlineData("if (env.IsProduction()) [|Probe.Marker()|];")]
    [InlineData("if (!env.IsProduction()) [|Probe.Marker()|];")]
    [InlineData("if (env.IsStaging()) [|Probe.Marker()|];")]
    [InlineData("if (env.IsEnvironment(\"Staging\")) [|Probe.Marker()|];")]
    [InlineData("if (env.IsEnvironment(\"Test\")) [|Probe.Marker()|];")]
    [InlineData("if (env.IsEnvironment(Environments.Staging)) [|Probe.Marker()|];")]
    [InlineData("if (env.IsEnvironment(name)) [|Probe.Marker()|];")]
    [InlineData("if (env.IsProduction()) return; [|Probe.Marker()|];")]
    [InlineData("if (!env.IsDevelopment()) [|Probe.Marker()|];")]
    [InlineData("if (env.IsDevelopment()) { } else { [|Probe.Marker()|]; }")]
    [InlineData("if (env.IsDevelopment() || flag) [|Probe.Marker()|];")]
    [InlineData("if (!env.IsDevelopment() && flag) { } else { [|Probe.Marker()|]; }")]
    [InlineData("if (env.IsDevelopment() == false) [|Probe.Marker()|];")]
    [InlineData("if (!env.IsDevelopment()) { app.UseHsts(); } [|Probe.Marker()|];")]
    [InlineData("if (flag) return; [|Probe.Marker()|];")]
    [InlineData("if (env.IsDevelopment()) { return; } else { } [|Probe.Marker()|];")]
    [InlineData("if (!env.IsDevelopment()) { } else { return; } [|Probe.Marker()|];")]
    [InlineData("[|Probe.Marker()|]; if (!env.IsDevelopment()) return;")]
    [InlineData("var x = env.IsDevelopment() ? 0 : [|Probe.Marker()|];")]
    [InlineData("Action check = () => { if (!env.IsDevelopment()) return; }; [|Probe.Marker()|];")]
    [InlineData("if (env.EnvironmentName == \"Development\") [|Probe.Marker()|];")]
    [InlineData("Register(); if (!env.IsDevelopment()) return; void Register() { [|Probe.Marker()|]; }")]
    public async Task ReachableOutsideDevelopment_ReportedAsync(string body)
    {
        await VerifyInMethodAsync(body);
    }

    [Fact]
    public async Task TopLevel_AppAndBuilderEnvironmentAsync()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                Probe.Marker();
            }

            [|Probe.Marker()|];
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                Probe.Marker();
            }

            if (app.Environment.IsStaging())
            {
                [|Probe.Marker()|];
            }

            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
                app.Run();
                return;
            }

            Probe.Marker();
            app.Run();
            """);
    }

    [Fact]
    public async Task ObsoleteEnvironmentInterfacesAsync()
    {
        await VerifyAsync("""
            #pragma warning disable CS0618 // the obsolete interfaces are what is tested
            public class Startup
            {
                public void Configure(Microsoft.AspNetCore.Hosting.IHostingEnvironment aspNetEnv,
                    Microsoft.Extensions.Hosting.IHostingEnvironment hostEnv)
                {
                    if (aspNetEnv.IsDevelopment()) Probe.Marker();
                    if (aspNetEnv.IsEnvironment(Microsoft.AspNetCore.Hosting.EnvironmentName.Development)) Probe.Marker();
                    if (hostEnv.IsDevelopment()) Probe.Marker();
                    if (hostEnv.IsEnvironment("Development")) Probe.Marker();
                    if (aspNetEnv.IsStaging()) [|Probe.Marker()|];
                    if (hostEnv.IsProduction()) [|Probe.Marker()|];
                }
            }
            """);
    }

    [Fact]
    public async Task AspNetCore8Async()
    {
        await VerifyInMethodAsync("""
                    if (!env.IsDevelopment()) { [|Probe.Marker()|]; return; }
                    Probe.Marker();
            """, TestFramework.AspNetCore8);
    }

    [Fact]
    public async Task UserIsDevelopmentMethod_NotAGuardAsync()
    {
        await VerifyAsync("""
            public class Startup
            {
                public void Configure(IWebHostEnvironment env)
                {
                    if (Checks.IsDevelopment(env)) [|Probe.Marker()|];
                    if (env.IsDevelopment()) Probe.Marker();
                }
            }

            public static class Checks
            {
                public static bool IsDevelopment(IWebHostEnvironment env) => env.EnvironmentName.Length > 0;
            }
            """);
    }

    [Fact]
    public async Task NoAspNetCore_EverythingReachableAsync()
    {
        await VerifyAsync("""
            public static class Program
            {
                public static bool IsDevelopment() => true;

                public static void Main()
                {
                    if (IsDevelopment()) [|Probe.Marker()|];
                    [|Probe.Marker()|];
                }
            }
            """, TestFramework.NoAspNetCore);
    }
}
