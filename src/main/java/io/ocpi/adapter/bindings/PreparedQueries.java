package io.ocpi.adapter.bindings;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlHelper;

/**
 * How the SQL calls of the route files bind their named parameters ({@code :#name}, {@code :#${header.X}}): as
 * Camel's own strategy does, but with each query read once. Camel's strategy reads the query text with regular
 * expressions at every call (to find the parameters, then to replace them by {@code ?}, then again to bind them) and
 * parses each {@code ${...}} expression anew; here the prepared query and its parameters, with their expressions, are
 * kept per query text. A query with an {@code IN} parameter ({@code :#in:name}), whose prepared text depends on the
 * message, is left to Camel's strategy, as is one without named parameters.
 */
public class PreparedQueries extends DefaultSqlPrepareStatementStrategy {

    /** Queries from route files are few; one given in a header may vary: those beyond this many are read each time. */
    private static final int MAX_KEPT = 256;

    private final Map<String, Query> queries = new ConcurrentHashMap<>();

    /** A query read once: its text with {@code ?} for each named parameter, and those parameters in order. */
    private record Query(String prepared, List<Parameter> parameters) {

        boolean named() {
            return !parameters.isEmpty();
        }
    }

    /** A named parameter: a header, variable or body key, or an expression (kept once it has been parsed). */
    private static final class Parameter {

        final String name;
        final boolean isExpression;
        volatile Expression expression;

        Parameter(String name) {
            this.name = name;
            this.isExpression = name.startsWith("${") || name.startsWith("$simple{");
        }
    }

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) throws SQLException {
        Query read = allowNamedParameters ? read(query) : null;
        if (read == null || !read.named()) {
            return super.prepareQuery(query, allowNamedParameters, exchange);
        }
        return read.prepared();
    }

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams, Exchange exchange, Object value)
            throws SQLException {
        Query read = read(query);
        if (read == null || !read.named()) {
            return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, value);
        }
        List<Object> values = new ArrayList<>(read.parameters().size());
        for (Parameter parameter : read.parameters()) {
            values.add(value(parameter, query, exchange, value));
        }
        return values.iterator();
    }

    private static Object value(Parameter parameter, String query, Exchange exchange, Object body) {
        if (parameter.isExpression && body == null) {
            Expression expression = parameter.expression;
            if (expression == null) {
                expression = exchange.getContext().resolveLanguage("simple").createExpression(parameter.name);
                parameter.expression = expression;
            }
            return expression.evaluate(exchange, Object.class);
        }
        if (!SqlHelper.hasParameter(parameter.name, exchange, body)) {
            throw new RuntimeExchangeException("no value for the named parameter " + parameter.name
                    + " in the message body, headers or variables, for query [" + query + "]", exchange);
        }
        return SqlHelper.lookupParameter(parameter.name, exchange, body);
    }

    /** The query read, or null when it has an IN parameter. */
    private Query read(String query) {
        Query known = queries.get(query);
        if (known != null) {
            return known;
        }
        Query read = parse(query);
        if (read != null && queries.size() < MAX_KEPT) {
            queries.put(query, read);
        }
        return read;
    }

    /**
     * Finds the named parameters of a query as Camel's strategy does: {@code :?} (the {@code :#} of the query file,
     * its placeholder already replaced) followed by a word, a {@code ${...}} or a {@code $simple{...}} expression.
     */
    static Query parse(String query) {
        StringBuilder prepared = new StringBuilder(query.length());
        List<Parameter> parameters = new ArrayList<>();
        int at = 0;
        int found;
        while ((found = query.indexOf(":?", at)) >= 0) {
            int start = found + 2;
            int end;
            if (query.startsWith("in:", start)) {
                return null;
            } else if (query.startsWith("${", start) || query.startsWith("$simple{", start)) {
                end = closingBrace(query, query.indexOf('{', start));
                if (end < 0) {
                    return null;
                }
                end++;
            } else {
                end = start;
                while (end < query.length() && isWordCharacter(query.charAt(end))) {
                    end++;
                }
            }
            if (end == start) {
                prepared.append(query, at, start);
            } else {
                prepared.append(query, at, found).append('?');
                parameters.add(new Parameter(query.substring(start, end)));
            }
            at = end;
        }
        prepared.append(query, at, query.length());
        return new Query(prepared.toString(), List.copyOf(parameters));
    }

    private static boolean isWordCharacter(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
