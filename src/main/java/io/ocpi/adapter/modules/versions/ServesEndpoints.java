package io.ocpi.adapter.modules.versions;

import java.util.List;

/** Implemented by every module's routes: what they add to our version details. */
public interface ServesEndpoints {

    List<ServedEndpoint> servedEndpoints();
}
