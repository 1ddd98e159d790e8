package rdmloadtest.simulator.store;

/** Who calls: a user id from a bearer token, or anonymous (an unknown token is anonymous too, as in InvenioRDM). */
public record Identity(String userId, boolean admin) {
    public static final Identity ANONYMOUS = new Identity(null, false);

    public boolean authenticated() {
        return userId != null;
    }

    public boolean owns(Parent parent) {
        return userId != null && userId.equals(parent.owner);
    }
}
