"""The official `openai` and `anthropic` SDKs' types as a contract: a strict check of a request body
against the SDK's request TypedDict (no key it does not type, every required key, every value of its
type), and the SDK response models that the stand-in server's answers must validate against."""

from __future__ import annotations

import collections.abc
import types
import typing
from typing import Any, Literal, Union

import anthropic.types as anthropic_types
import anthropic.types.messages as anthropic_batches
import openai.types as openai_types
import openai.types.chat as openai_chat
import typing_extensions
from anthropic.types import message_create_params
from anthropic.types.messages import batch_create_params as anthropic_batch_params
from openai.types import batch_create_params as openai_batch_params
from openai.types.chat import completion_create_params as chat_params
from pydantic import BaseModel

OPENAI_CHAT_PARAMS = chat_params.CompletionCreateParamsNonStreaming
OPENAI_TEXT_PARAMS = openai_types.completion_create_params.CompletionCreateParamsNonStreaming
OPENAI_BATCH_PARAMS = openai_batch_params.BatchCreateParams
ANTHROPIC_MESSAGE_PARAMS = message_create_params.MessageCreateParamsNonStreaming
ANTHROPIC_BATCH_REQUEST = anthropic_batch_params.Request

# What each stand-in answer must be, as the SDK reads it.
RESPONSES: dict[str, type[BaseModel]] = {
    "openai.chat": openai_chat.ChatCompletion,
    "openai.batch": openai_types.Batch,
    "openai.file": openai_types.FileObject,
    "anthropic.message": anthropic_types.Message,
    "anthropic.batch": anthropic_batches.MessageBatch,
    "anthropic.result": anthropic_batches.MessageBatchIndividualResponse,
    "anthropic.error": anthropic_types.shared.ErrorResponse,
}
STOP_REASONS: tuple[str, ...] = typing.get_args(anthropic_types.StopReason)
OPENAI_BATCH_STATUSES: tuple[str, ...] = typing.get_args(openai_types.Batch.model_fields["status"].annotation)
ANTHROPIC_BATCH_STATUSES: tuple[str, ...] = typing.get_args(
    anthropic_batches.MessageBatch.model_fields["processing_status"].annotation)


class ContractError(AssertionError):
    pass


def response_errors(kind: str, data: Any) -> str | None:
    """None when `data` validates as the SDK's model for `kind`; else the validation error."""
    try:
        RESPONSES[kind].model_validate(data)
    except Exception as exc:  # pydantic's ValidationError, or a wrong shape altogether
        return f"{kind}: {exc}"
    return None


def check_params(value: Any, tp: Any, where: str = "body") -> None:
    """Raise ContractError unless `value` is of the SDK type `tp` (TypedDicts checked strictly)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return check_params(value, typing.get_args(tp)[0], where)
    if origin in (typing.Required, typing.NotRequired, typing_extensions.Required, typing_extensions.NotRequired):
        return check_params(value, typing.get_args(tp)[0], where)
    if tp is Any or tp is object:
        return None
    if tp is type(None):
        if value is not None:
            raise ContractError(f"{where}: {value!r} is not None")
        return None
    if origin in (Union, types.UnionType):
        errors = []
        for option in typing.get_args(tp):
            try:
                return check_params(value, option, where)
            except ContractError as exc:
                errors.append(str(exc))
        raise ContractError(f"{where}: {value!r} fits none of {tp}: {errors[:3]}")
    if origin is Literal:
        if value not in typing.get_args(tp):
            raise ContractError(f"{where}: {value!r} is not one of {typing.get_args(tp)}")
        return None
    if typing_extensions.is_typeddict(tp):
        return _check_typeddict(value, tp, where)
    if origin in (dict, collections.abc.Mapping) or tp is dict:
        if not isinstance(value, dict):
            raise ContractError(f"{where}: {value!r} is not an object")
        args = typing.get_args(tp)
        for key, item in value.items():
            if args:
                check_params(item, args[1], f"{where}.{key}")
        return None
    if origin in (list, collections.abc.Iterable, collections.abc.Sequence) or _is_sequence_alias(tp):
        if not isinstance(value, list):
            raise ContractError(f"{where}: {value!r} is not a list")
        args = typing.get_args(tp)
        for i, item in enumerate(value):
            if args:
                check_params(item, args[0], f"{where}[{i}]")
        return None
    if tp is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ContractError(f"{where}: {value!r} is not a number")
        return None
    if isinstance(tp, type):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise ContractError(f"{where}: {value!r} is not {tp.__name__}")
        return None
    return None  # a type this check does not know: accepted


def _is_sequence_alias(tp: Any) -> bool:
    # The SDKs' SequenceNotStr[str]: a Protocol generic, a list of strings on the wire.
    return getattr(typing.get_origin(tp) or tp, "__name__", "") == "SequenceNotStr"


def _is_required(hint: Any) -> bool:
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    return typing.get_origin(hint) in (typing.Required, typing_extensions.Required)


def _check_typeddict(value: Any, tp: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise ContractError(f"{where}: {value!r} is not an object ({tp.__name__})")
    hints = typing.get_type_hints(tp, include_extras=True)
    unknown = set(value) - set(hints)
    if unknown:
        raise ContractError(f"{where}: {sorted(unknown)} not in the SDK's {tp.__name__}")
    required = set(tp.__required_keys__) | {key for key, hint in hints.items() if _is_required(hint)}
    missing = required - set(value)
    if missing:
        raise ContractError(f"{where}: {sorted(missing)} missing, required by the SDK's {tp.__name__}")
    for key, item in value.items():
        check_params(item, hints[key], f"{where}.{key}")
