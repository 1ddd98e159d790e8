package rdmloadtest.config;

import java.util.List;

/**
 * The configuration keys one package owns. Each package lists its class in
 * {@code META-INF/services/rdmloadtest.config.KeySet}, so the registry knows every key without config importing
 * anyone: config stays a leaf.
 */
public interface KeySet {
    List<Key<?>> keys();
}
