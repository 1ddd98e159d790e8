# rdm-loadtest injector image: the built classes and their dependencies on a JRE; no Maven at run time.
# Build and push: docker build -t registry.example.org/rdm-loadtest:0.1.0 . && docker push ...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn ./.mvn
RUN mvn -B -q dependency:go-offline
COPY src ./src
# Simulations, journeys and request builders live in test-classes (Gatling's Maven convention).
RUN mvn -B -q -DskipTests test-compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/lib ./lib
COPY --from=build /src/target/classes ./classes
COPY --from=build /src/target/test-classes ./test-classes
COPY data ./data
COPY k8s/entrypoint.sh /usr/local/bin/rdm-loadtest-injector
RUN chmod +x /usr/local/bin/rdm-loadtest-injector
ENV RESULTS_DIR=/results APP_HOME=/app JAVA_OPTS=-Xmx1g
ENTRYPOINT ["/usr/local/bin/rdm-loadtest-injector"]
