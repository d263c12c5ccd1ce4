package io.ocpi.adapter.modules.asyncrequests;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One module's asynchronous requests, as far as {@link AsyncRequestCycle} needs to know them.
 *
 * @param module          the module: its requests are announced on {@code direct:ocpi.<module>.requested}, the results
 *                        of those we sent on {@code direct:ocpi.<module>.result}
 * @param what            what one request is called in messages: {@code command}
 * @param operationHeader the header that names the operation on those announcements
 * @param responseType    the immediate answer, as a route that takes requests may answer it whole
 * @param named           the immediate answer a route gave by its result type's name alone, due in the given seconds
 * @param notSupported    the immediate answer when no route takes requests, due in the given seconds
 * @param resultType      the result object of an operation
 * @param resultPath      the path of our response URL for a request we send: from the operation and our request id
 */
public record AsyncRequestKind<R extends AsyncResponse>(String module, String what, String operationHeader, Class<R> responseType,
                                                        BiFunction<String, Integer, R> named, IntFunction<R> notSupported,
                                                        Function<String, Class<?>> resultType,
                                                        BiFunction<String, String, String> resultPath) {
}
