// Compiled only by the ctest client_layering_no_protobuf_in_models, which
// passes when this file does NOT compile: it is built exactly as a model of
// tandem_client (which does not link tandem_proto), so the generated header
// below must not be found. The model's own header must be, so that the
// build fails for that reason alone.
#include "relationships/relationship_detail.h"
#include "tandem/v1/relationships.pb.h"
