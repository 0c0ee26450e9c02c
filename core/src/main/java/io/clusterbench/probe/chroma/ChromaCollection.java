package io.clusterbench.probe.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.result.ErrorKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A collection found by name: its id (queries address collections by UUID, never by name) and the length of its
 * embeddings, which every query vector must have.
 *
 * @param path {@code /api/v2/tenants/T/databases/D/collections/ID}
 * @param dimension the embeddings' length
 */
record ChromaCollection(String path, int dimension) {

    /**
     * Looks the collection up by name in a tenant's database; its dimension is the collection's {@code dimension}
     * (Chroma 1.x sets it with the first record), else the length of one stored embedding. Records why not, when it
     * cannot be found or is empty.
     */
    static Optional<ChromaCollection> resolve(ChromaApi api, String tenant, String database, String name,
            String serviceId, MeasurementBuilder measurement) {
        String collections = "/api/v2/tenants/" + encode(tenant) + "/databases/" + encode(database) + "/collections";
        String where = "GET " + api.base() + collections + "/" + encode(name);
        ChromaApi.Answer answer = api.get(collections + "/" + encode(name));
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return Optional.empty();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            measurement.error(ErrorKind.AUTH, where + " answered " + answer.status() + ": " + answer.message()
                    + "; set or correct the token of service " + serviceId);
            return Optional.empty();
        }
        if (answer.status() == 404) {
            measurement.error(ErrorKind.NOT_FOUND, "no collection '" + name + "' in tenant '" + tenant + "', database '"
                    + database + "' (" + where + " answered 404: " + answer.message() + "); create it, or set the"
                    + " collection (and tenant, database) of service " + serviceId + " to one that exists");
            return Optional.empty();
        }
        JsonNode found = answer.json();
        if (answer.status() != 200 || !found.path("id").isTextual()) {
            measurement.error(ErrorKind.HTTP_STATUS, where + " answered " + answer.status() + ": " + answer.message());
            return Optional.empty();
        }
        String path = collections + "/" + encode(found.path("id").asText());
        if (found.path("dimension").canConvertToInt() && found.path("dimension").asInt() > 0) {
            return Optional.of(new ChromaCollection(path, found.path("dimension").asInt()));
        }
        return dimensionOfOneRecord(api, path, name, measurement).map(d -> new ChromaCollection(path, d));
    }

    private static Optional<Integer> dimensionOfOneRecord(ChromaApi api, String path, String name,
            MeasurementBuilder measurement) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("limit", 1);
        body.putArray("include").add("embeddings");
        ChromaApi.Answer answer = api.post(path + "/get", body);
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return Optional.empty();
        }
        if (answer.status() != 200) {
            measurement.error(ErrorKind.HTTP_STATUS, "POST " + api.base() + path + "/get answered " + answer.status()
                    + ": " + answer.message());
            return Optional.empty();
        }
        JsonNode embedding = answer.json().path("embeddings").path(0);
        if (!embedding.isArray() || embedding.isEmpty()) {
            measurement.error(ErrorKind.EMPTY, "collection '" + name
                    + "' holds no embedding, so there is nothing to query;"
                    + " add records to it before measuring query latency");
            return Optional.empty();
        }
        return Optional.of(embedding.size());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
