#pragma once

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "tandem/v1/directory.grpc.pb.h"
#include "tandem/v1/goals.grpc.pb.h"
#include "tandem/v1/identity.grpc.pb.h"
#include "tandem/v1/matching.grpc.pb.h"

namespace tandem::testing {

inline constexpr char kDemoPassword[] = "demo-password-1";
inline constexpr char kDemoCoordinator[] = "coordinator@demo.tandem.example";
inline constexpr char kDemoSupervisor[] = "supervisor@demo.tandem.example";
inline constexpr char kDemoCoach[] = "coach@demo.tandem.example";
inline constexpr char kDemoCoachee[] = "coachee@demo.tandem.example";
inline constexpr char kDemoMentor[] = "mentor@demo.tandem.example";

/// Sends raw bytes as the request of `method` (full name) and returns the
/// status; `response_bytes` receives the raw response if given. For calls a
/// typed stub cannot make: junk payloads, the health service.
inline grpc::Status RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                                 const std::string& method, const std::string& request_bytes,
                                 const std::string& token = "",
                                 std::string* response_bytes = nullptr) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::CompletionQueue queue;
  auto call = stub.PrepareUnaryCall(&context, method, request, &queue);
  call->StartCall();
  grpc::Status status;
  call->Finish(&response, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  if (status.ok() && response_bytes != nullptr) {
    std::vector<grpc::Slice> slices;
    (void)response.Dump(&slices);
    response_bytes->clear();
    for (const auto& part : slices) {
      response_bytes->append(reinterpret_cast<const char*>(part.begin()), part.size());
    }
  }
  return status;
}

/// Calls a server-streaming method by its full name with raw request
/// bytes and collects every message the server sends within `listen`
/// (the call then ends with DEADLINE_EXCEEDED, unless the server ended it
/// first). The messages' bytes go into `responses`, one after another.
inline grpc::Status RawStreamCall(const std::shared_ptr<grpc::Channel>& channel,
                                  const std::string& method, const std::string& request_bytes,
                                  const std::string& token, std::vector<std::string>* responses,
                                  std::chrono::milliseconds listen = std::chrono::seconds(1)) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + listen);
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  grpc::CompletionQueue queue;
  void* tag = nullptr;
  bool ok = false;
  auto call = stub.PrepareCall(&context, method, &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  queue.Next(&tag, &ok);
  if (ok) {
    grpc::Slice slice(request_bytes);
    grpc::ByteBuffer request(&slice, 1);
    call->Write(request, reinterpret_cast<void*>(2));
    queue.Next(&tag, &ok);
    call->WritesDone(reinterpret_cast<void*>(3));
    queue.Next(&tag, &ok);
    while (true) {
      grpc::ByteBuffer response;
      call->Read(&response, reinterpret_cast<void*>(4));
      queue.Next(&tag, &ok);
      if (!ok) break;
      std::vector<grpc::Slice> slices;
      (void)response.Dump(&slices);
      std::string bytes;
      for (const auto& part : slices) {
        bytes.append(reinterpret_cast<const char*>(part.begin()), part.size());
      }
      if (responses != nullptr) responses->push_back(std::move(bytes));
    }
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status;
}

/// True if the standard grpc.health.v1 service answers SERVING for the
/// whole server (HealthCheckResponse{status: SERVING} encodes as 08 01).
inline bool IsServing(const std::shared_ptr<grpc::Channel>& channel) {
  std::string response;
  const grpc::Status status =
      RawUnaryCall(channel, "/grpc.health.v1.Health/Check", "", "", &response);
  return status.ok() && response == std::string("\x08\x01", 2);
}

/// Real gRPC stubs to a test server.
class Client {
 public:
  explicit Client(const std::string& address)
      : channel_(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
        auth_(v1::AuthService::NewStub(channel_)),
        accounts_(v1::AccountService::NewStub(channel_)),
        directory_(v1::DirectoryService::NewStub(channel_)),
        matching_(v1::MatchingService::NewStub(channel_)),
        goals_(v1::GoalService::NewStub(channel_)) {}

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  v1::AuthService::Stub& auth() { return *auth_; }
  v1::AccountService::Stub& accounts() { return *accounts_; }
  v1::DirectoryService::Stub& directory() { return *directory_; }
  v1::MatchingService::Stub& matching() { return *matching_; }
  v1::GoalService::Stub& goals() { return *goals_; }

  /// A context with a 20 s deadline and, if given, the bearer token.
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token = "") {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
    return context;
  }

  grpc::Status SignIn(const std::string& email, const std::string& password,
                      v1::SignInResponse* response) {
    v1::SignInRequest request;
    request.set_email(email);
    request.set_password(password);
    return auth_->SignIn(Context().get(), request, response);
  }

  /// What accepting a request started.
  struct Accepted {
    int64_t relationship_id = 0;  // 0 when nothing could be accepted
    int64_t coachee_id = 0;
    std::string coachee_token;  // signed in with the demo password
  };
  /// Accepts the first request in the inbox of `member_token` (the demo
  /// coach's has requests from demo staff) and signs its coachee in.
  /// The coachee of a coaching relationship sets a goal before agreeing
  /// the contract: `with_goal` sets one for them ("Lead the ward's
  /// handovers with confidence", starting at 3 of 10).
  Accepted AcceptFirstInboxRequest(const std::string& member_token, bool with_goal = true) {
    Accepted out;
    v1::ListInboxResponse inbox;
    if (!matching_->ListInbox(Context(member_token).get(), {}, &inbox).ok() ||
        inbox.requests_size() == 0) {
      return out;
    }
    v1::AnswerRequestRequest accept;
    accept.set_request_id(inbox.requests(0).id());
    accept.set_accept(true);
    v1::AnswerRequestResponse answered;
    if (!matching_->AnswerRequest(Context(member_token).get(), accept, &answered).ok()) return out;
    v1::GetAccountRequest get;
    get.set_account_id(inbox.requests(0).coachee_id());
    v1::GetAccountResponse coachee;
    if (!accounts_->GetAccount(Context(TokenFor(kDemoCoordinator)).get(), get, &coachee).ok()) {
      return out;
    }
    out.relationship_id = answered.request().relationship_id();
    out.coachee_id = coachee.account().id();
    out.coachee_token = TokenFor(coachee.account().email());
    if (with_goal && AddGoal(out.coachee_token, out.relationship_id,
                             "Lead the ward's handovers with confidence") == 0) {
      return Accepted{};
    }
    return out;
  }

  /// The coachee adds a goal; its id, or 0 if refused.
  int64_t AddGoal(const std::string& coachee_token, int64_t relationship_id,
                  const std::string& what, int starting_rating = 3) {
    v1::AddGoalRequest add;
    add.set_relationship_id(relationship_id);
    add.set_what(what);
    add.set_measure("My team says handovers are clear and on time.");
    add.set_starting_rating(starting_rating);
    v1::AddGoalResponse added;
    if (!goals_->AddGoal(Context(coachee_token).get(), add, &added).ok()) return 0;
    return added.goal_id();
  }

  /// The token for a sign-in that must succeed; empty on failure.
  std::string TokenFor(const std::string& email, const std::string& password = kDemoPassword) {
    v1::SignInResponse response;
    return SignIn(email, password, &response).ok() ? response.token() : "";
  }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::AuthService::Stub> auth_;
  std::unique_ptr<v1::AccountService::Stub> accounts_;
  std::unique_ptr<v1::DirectoryService::Stub> directory_;
  std::unique_ptr<v1::MatchingService::Stub> matching_;
  std::unique_ptr<v1::GoalService::Stub> goals_;
};

}  // namespace tandem::testing
