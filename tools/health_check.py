#!/usr/bin/python3
"""Asks a server's standard grpc.health.v1.Health/Check and prints the answer.

Usage: tools/health_check.py [HOST:PORT]   (default 127.0.0.1:7443)
Exit status 0 when the server answers SERVING.
"""

import sys

import grpc

STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}


def main():
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:7443"
    with grpc.insecure_channel(address) as channel:
        check = channel.unary_unary("/grpc.health.v1.Health/Check")
        try:
            # HealthCheckRequest{} is empty; HealthCheckResponse{status} is field 1.
            reply = check(b"", timeout=5)
        except grpc.RpcError as error:
            print(f"{address}: {error.code().name}: {error.details()}")
            return 1
    status = reply[1] if len(reply) == 2 and reply[0] == 0x08 else 0
    print(f"{address}: {STATUS.get(status, status)}")
    return 0 if status == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
