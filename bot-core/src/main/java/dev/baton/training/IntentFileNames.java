package dev.baton.training;

import java.util.regex.Pattern;

/** Which names a trainer may give a new intent file: a relative path inside the intents folder, ending in .yaml. */
final class IntentFileNames {

    private static final Pattern NAME = Pattern.compile("([a-z0-9_-]+/)*[a-z0-9_-]+\\.ya?ml");

    private IntentFileNames() {
    }

    static String check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a file name for intents; use lowercase letters, "
                    + "digits, - and _, folders separated by /, ending in .yaml, like  shop/orders.yaml");
        }
        return name;
    }
}
