#!/usr/bin/python3
"""Acceptance check with a gRPC client that is not ours (Python grpcio).

Starts the real tandem-server on a free loopback port with a temporary
database, then for every RPC in proto/ (read from the compiled descriptor
set, not from our code) sends: no token, a forged token, and bytes that are
not a valid message. Every method except SignIn must answer UNAUTHENTICATED
to the first two; junk must get an error status; afterwards the standard
health service must still answer SERVING and reflection must list our
services.
"""

import argparse
import secrets
import subprocess
import sys
import tempfile

import grpc
from google.protobuf import descriptor_pb2

PUBLIC = {"/tandem.v1.AuthService/SignIn"}
JUNK = b"\xff\xff\xff\xff\x0f\x01"


def start_server(binary, db):
    process = subprocess.Popen(
        [binary, "--listen", "127.0.0.1:0", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    marker = "tandem-server listening on "
    if not line.startswith(marker):
        process.kill()
        sys.exit(f"server did not start: {line!r}")
    return process, line[len(marker):].strip()


def methods(descriptor_path):
    files = descriptor_pb2.FileDescriptorSet()
    with open(descriptor_path, "rb") as f:
        files.ParseFromString(f.read())
    for file in files.file:
        if not file.package.startswith("tandem."):
            continue
        for service in file.service:
            for method in service.method:
                yield f"/{file.package}.{service.name}/{method.name}"


def call(channel, method, payload, token=None):
    stub = channel.unary_unary(method)  # raw bytes in, raw bytes out
    metadata = [("authorization", f"Bearer {token}")] if token else None
    try:
        return grpc.StatusCode.OK, stub(payload, metadata=metadata, timeout=20)
    except grpc.RpcError as error:
        return error.code(), None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--descriptors", required=True)
    args = parser.parse_args()

    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL: {what}")

    with tempfile.TemporaryDirectory() as tmp:
        process, address = start_server(args.server, f"{tmp}/tandem.db")
        try:
            channel = grpc.insecure_channel(address)
            all_methods = list(methods(args.descriptors))
            check(len(all_methods) >= 21, f"found {len(all_methods)} RPCs in the descriptors")
            for method in all_methods:
                forged = secrets.token_urlsafe(32)
                no_token, _ = call(channel, method, b"")
                with_forged, _ = call(channel, method, b"", forged)
                junk, _ = call(channel, method, JUNK, forged)
                if method in PUBLIC:
                    check(no_token == grpc.StatusCode.INVALID_ARGUMENT,
                          f"{method} empty request: {no_token}")
                else:
                    check(no_token == grpc.StatusCode.UNAUTHENTICATED,
                          f"{method} without token: {no_token}")
                    check(with_forged == grpc.StatusCode.UNAUTHENTICATED,
                          f"{method} with forged token: {with_forged}")
                check(junk != grpc.StatusCode.OK, f"{method} with junk bytes: {junk}")
                print(f"{method}: no token {no_token.name}, forged {with_forged.name}, "
                      f"junk {junk.name}")

            code, health = call(channel, "/grpc.health.v1.Health/Check", b"")
            check(code == grpc.StatusCode.OK and health == b"\x08\x01",
                  f"health after the run: {code} {health!r}")

            reflection = channel.stream_stream(
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
            # ServerReflectionRequest{list_services: ""} is field 7, length 0.
            replies = b"".join(reflection(iter([b"\x3a\x00"]), timeout=20))
            check(b"tandem.v1.AuthService" in replies and b"tandem.v1.AccountService" in replies,
                  "reflection lists the tandem.v1 services")
            check(process.poll() is None, "server still running")
            channel.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
