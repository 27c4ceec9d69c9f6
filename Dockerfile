# syntax=docker/dockerfile:1
# Committee API image. Build from the repository root:
#   docker build -t committee .
# or with PostgreSQL alongside: docker compose -f ops/compose.yaml up --build

# ---- build ---------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore first, from the files that decide it, so the package layer is
# reused until a project file or a package version changes.
# (A new project under src/ needs its .csproj listed here.)
# Restored for the image's platform, with ReadyToRun's compiler: the app is published precompiled, as the
# scripts run it (docs/performance.md, "The imported unvotes history" and the lean core's fourth pass).
ARG TARGETARCH
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Committee.Api/Committee.Api.csproj src/Committee.Api/
RUN echo "linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" > /tmp/rid \
 && dotnet restore src/Committee.Api/Committee.Api.csproj -r "$(cat /tmp/rid)" -p:PublishReadyToRun=true

COPY src/ src/

# Pre-generate Wolverine's handler and endpoint code (for static type loading
# in production: no runtime compilation, a fast first request). It builds the
# host but opens no database connection. The host reads member-states.csv while
# it is built, and the real file is mounted only at run time, so a header-only
# stub stands in; the other settings only satisfy start-up checks.
RUN printf 'name,iso3,admission_date,regional_group,also_in_group,member_during_session_64,name_used_in_2009,name_history,group_notes\n' \
      > /tmp/member-states.csv \
 && ConnectionStrings__Committee="Host=localhost;Database=codegen;Username=codegen" \
    Committee__Auth__SigningKey="codegen-only-signing-key-not-used-at-runtime-0123456789" \
    Committee__ReferenceData__MemberStates=/tmp/member-states.csv \
    ASPNETCORE_ENVIRONMENT=Production \
    dotnet run --project src/Committee.Api -c Release --no-restore --no-launch-profile -- codegen write

RUN dotnet publish src/Committee.Api -c Release -r "$(cat /tmp/rid)" --self-contained false -p:PublishReadyToRun=true \
      -o /app --no-restore -p:UseAppHost=false

# ---- runtime -------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl for the health check (the aspnet image has neither curl nor wget).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build --chown=root:root /app ./

# Committee__PregeneratedCode: load the handlers generated above (no compilation at start).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Committee__PregeneratedCode=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# Non-root: the "app" user (uid $APP_UID = 1654) of the Microsoft images.
USER $APP_UID

HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health || exit 1

ENTRYPOINT ["dotnet", "Committee.Api.dll"]
