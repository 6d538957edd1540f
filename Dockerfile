# syntax=docker/dockerfile:1
# Portal: node bundles the browser assets, the SDK publishes, the ASP.NET runtime serves as a non-root user.

FROM node:20-bookworm-slim AS assets
WORKDIR /src/wwwroot-assets
COPY wwwroot-assets/package.json wwwroot-assets/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY wwwroot-assets/ ./
RUN mkdir -p ../Portal.Web/wwwroot/js && npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Portal.Domain/Portal.Domain.csproj Portal.Domain/
COPY Portal.DingTalk/Portal.DingTalk.csproj Portal.DingTalk/
COPY Portal.Migrations.Sqlite/Portal.Migrations.Sqlite.csproj Portal.Migrations.Sqlite/
COPY Portal.Migrations.Postgres/Portal.Migrations.Postgres.csproj Portal.Migrations.Postgres/
COPY Portal.Web/Portal.Web.csproj Portal.Web/
COPY Portal.Web/build/ Portal.Web/build/
RUN dotnet restore Portal.Web/Portal.Web.csproj
COPY Portal.Domain/ Portal.Domain/
COPY Portal.DingTalk/ Portal.DingTalk/
COPY Portal.Migrations.Sqlite/ Portal.Migrations.Sqlite/
COPY Portal.Migrations.Postgres/ Portal.Migrations.Postgres/
COPY Portal.Web/ Portal.Web/
COPY --from=assets /src/Portal.Web/wwwroot/js/portal-bridge.js /src/Portal.Web/wwwroot/js/rich-text-editor.js Portal.Web/wwwroot/js/
RUN dotnet publish Portal.Web/Portal.Web.csproj -c Release -o /app --no-restore -p:SkipFrontEndAssets=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "Portal.Web.dll"]
