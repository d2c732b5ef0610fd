package org.carafe.transport.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carafe.api.protocol.RequestCodes;

/**
 * The request name-to-code table: the built-in codes of {@link RequestCodes}, then codes handed
 * out by get_request_code from {@link RequestCodes#FIRST_DYNAMIC_CODE} upward, stable for the
 * server's life. Names that never had a handler ("speculative": a client asking ahead of a
 * bundle) are capped separately, so a client asking for endless names cannot use up the codes
 * that bundles installed later will need. Confined to the loop.
 */
final class RequestTable {
    /** Dynamic codes handed out at most; beyond, get_request_code fails. */
    static final int MAX_DYNAMIC = 0x10000;
    /** Names without a handler that may hold a code at once. */
    static final int MAX_SPECULATIVE = 256;

    private final List<String> dynamic = new ArrayList<>();
    private final Map<String, Integer> dynamicCodes = new HashMap<>();
    private final Set<String> speculative = new HashSet<>();

    /** The name of {@code code}, or null if no such code was ever handed out. */
    String name(int code) {
        if (code >= 0 && code < RequestCodes.BUILT_IN.size()) {
            return RequestCodes.BUILT_IN.get(code);
        }
        int index = code - RequestCodes.FIRST_DYNAMIC_CODE;
        return index >= 0 && index < dynamic.size() ? dynamic.get(index) : null;
    }

    /**
     * The code of {@code name}, handing out a new one if needed; -1 when the table is full, or
     * when {@code name} has no handler and the speculative names are at their cap.
     */
    int code(String name, boolean hasHandler) {
        int code = RequestCodes.builtInCode(name);
        if (code >= 0) {
            return code;
        }
        Integer known = dynamicCodes.get(name);
        if (known != null) {
            return known;
        }
        if (dynamic.size() >= MAX_DYNAMIC
                || !hasHandler && speculative.size() >= MAX_SPECULATIVE) {
            return -1;
        }

        code = RequestCodes.FIRST_DYNAMIC_CODE + dynamic.size();
        dynamic.add(name);
        dynamicCodes.put(name, code);
        if (!hasHandler) {
            speculative.add(name);
        }
        return code;
    }

    /** The names given dynamic codes, in the order of their codes. */
    List<String> dynamicNames() {
        return List.copyOf(dynamic);
    }

    /**
     * Gives {@code names} the codes a departing revision gave them, in order (an empty table
     * only). Whether they were speculative is not kept: they count as names with a handler.
     */
    void adopt(List<String> names) {
        if (!dynamic.isEmpty()) {
            throw new IllegalStateException("request codes were handed out already");
        }
        for (String name : names) {
            code(name, true);
        }
    }

    /** A handler for {@code name} appeared: its code no longer counts as speculative. */
    void handlerSeen(String name) {
        speculative.remove(name);
    }

    /** Whether {@code name} is a possible request name: {@code [a-z0-9_]{1,64}}. */
    static boolean isValidName(String name) {
        int length = name.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
