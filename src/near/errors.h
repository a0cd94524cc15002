// nearcore's FunctionCallError taxonomy (runtime/near-vm-runner/src/logic/errors.rs), as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace syncwasm::near {

#define SYNCWASM_PREPARE_ERRORS(X)                                                                  \
  X(Serialization) X(Deserialization) X(InternalMemoryDeclared) X(GasInstrumentation)               \
  X(StackHeightInstrumentation) X(Instantiate) X(Memory) X(TooManyFunctions) X(TooManyLocals)       \
  X(TooManyTables) X(TooManyTableElements) X(FunctionBodyTooLarge) X(TooManyTypes)                  \
  X(TooManyBlocksPerFunction) X(TooManyBlocksPerContract) X(TooManyParamsPerFunction)               \
  X(TooManyParamsPerContract) X(OperandStackTooLarge) X(InstrumentedCodeTooLarge)

#define SYNCWASM_WASM_TRAPS(X)                                                                      \
  X(Unreachable) X(IncorrectCallIndirectSignature) X(MemoryOutOfBounds) X(CallIndirectOOB)          \
  X(IllegalArithmetic) X(MisalignedAtomicAccess) X(IndirectCallToNull) X(StackOverflow) X(GenericTrap)

#define SYNCWASM_HOST_ERRORS(X)                                                                     \
  X(BadUTF16) X(BadUTF8) X(GasExceeded) X(GasLimitExceeded) X(BalanceExceeded) X(EmptyMethodName)   \
  X(GuestPanic) X(IntegerOverflow) X(InvalidPromiseIndex) X(CannotAppendActionToJointPromise)       \
  X(CannotReturnJointPromise) X(InvalidPromiseResultIndex) X(InvalidRegisterId)                     \
  X(IteratorWasInvalidated) X(MemoryAccessViolation) X(InvalidReceiptIndex) X(InvalidIteratorIndex) \
  X(InvalidAccountId) X(InvalidMethodName) X(InvalidPublicKey) X(ProhibitedInView)                  \
  X(NumberOfLogsExceeded) X(KeyLengthExceeded) X(ValueLengthExceeded) X(TotalLogLengthExceeded)     \
  X(NumberPromisesExceeded) X(NumberInputDataDependenciesExceeded) X(ReturnedValueLengthExceeded)   \
  X(ContractSizeExceeded) X(Deprecated) X(ECRecoverError) X(AltBn128InvalidInput)                   \
  X(Ed25519VerifyInvalidInput) X(Unsupported) X(SyncCallError) X(CapabilityDenied)

enum class PrepareError : uint8_t {
#define X(n) n,
  SYNCWASM_PREPARE_ERRORS(X)
#undef X
};
enum class WasmTrap : uint8_t {
#define X(n) n,
  SYNCWASM_WASM_TRAPS(X)
#undef X
};
enum class HostErrorKind : uint8_t {
#define X(n) n,
  SYNCWASM_HOST_ERRORS(X)
#undef X
};
enum class MethodResolveError : uint8_t { MethodEmptyName, MethodNotFound, MethodInvalidSignature };

const char* name(PrepareError e);
const char* name(WasmTrap e);
const char* name(HostErrorKind e);
const char* name(MethodResolveError e);

struct HostError {
  HostErrorKind kind;
  std::string message;  // details: the panic message, the limit, the method name, ...
};

// FunctionCallError: exactly one of the alternatives is set.
struct FunctionCallError {
  enum class Kind : uint8_t { CompilationError, LinkError, MethodResolveError, WasmTrap, HostError };
  Kind kind = Kind::HostError;
  PrepareError prepare = PrepareError::Deserialization;
  MethodResolveError method = MethodResolveError::MethodNotFound;
  WasmTrap trap = WasmTrap::Unreachable;
  HostError host{HostErrorKind::GuestPanic, {}};
  std::string message;  // LinkError message, or the human-readable text of any kind

  // The kind path, e.g. {"HostError", "GasExceeded"} or {"CompilationError", "PrepareError", "Memory"}.
  std::vector<std::string> path() const;
  std::string to_string() const;

  static FunctionCallError prepare_error(PrepareError e, std::string msg);
  static FunctionCallError link_error(std::string msg);
  static FunctionCallError method_error(MethodResolveError e);
  static FunctionCallError wasm_trap(WasmTrap t, std::string msg);
  static FunctionCallError host_error(HostError e);
};

}  // namespace syncwasm::near
