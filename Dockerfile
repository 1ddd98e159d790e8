# rdm-loadtest injector image: the project, its Maven dependencies resolved at build time, and an
# entrypoint that runs `mvn -o gatling:test` (offline) with the -D flags the Kubernetes Job passes.
# Build and push: docker build -t registry.example.org/rdm-loadtest:0.1.0 . && docker push ...
FROM maven:3.9-eclipse-temurin-17

WORKDIR /app
# A local repository inside the image (Maven 3.9 appends MAVEN_ARGS to every command): what the build
# downloads is what `mvn -o` finds at run time, whatever volumes the base image declares.
ENV MAVEN_ARGS="-Dmaven.repo.local=/opt/m2"

# Dependencies first, so that editing the code does not download them again.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline

COPY src ./src
COPY data ./data
COPY k8s/entrypoint.sh /usr/local/bin/rdm-loadtest-injector

# Compile, and resolve what go-offline misses (the Gatling plugin's own run-time artifacts, exec for the
# merge) with a short smoke run against the embedded simulator, which stays inside the build container.
RUN mvn -B -q test-compile \
 && mvn -B gatling:test -Dsimulation=rdmloadtest.simulations.SearchSimulation -Dprofile=smoke -Dslo.enforce=false \
 && mvn -B -q -o exec:java@config-table > /dev/null \
 && rm -rf target/gatling \
 && chmod +x /usr/local/bin/rdm-loadtest-injector

# The entrypoint links target/gatling to RESULTS_DIR/<run.id>/injector-<index>, a shared volume.
ENV RESULTS_DIR=/results
ENTRYPOINT ["/usr/local/bin/rdm-loadtest-injector"]
