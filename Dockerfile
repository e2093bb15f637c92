# mmudsl in a container: built with the .NET SDK image, run on the .NET runtime image.
#   docker build -t mmudsl:0.1.0 .
#   docker run --rm -v "$PWD/results:/results" mmudsl:0.1.0 explore --pages 2 --shard 0/4 --results /results/shard-0.json
# Used by deploy/k8s/explore-job.yaml. (Not built on the machine this was written on: it had a
# docker client but no running container engine.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The parser is generated at build time by the ANTLR tool (Java), whose pinned jar comes through
# npm (build/antlr): both are build-time only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Cli -c Release -o /out

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /work
COPY --from=build /out /opt/mmudsl
# Shards write their results here (a shared volume in Kubernetes).
VOLUME /results
ENTRYPOINT ["dotnet", "/opt/mmudsl/mmudsl.dll"]
CMD ["--help"]
