"""Declarative YAML rule packs: schema, loading and the shared matcher."""

from .compiler import CompiledPacks, PackRule, rules_from_pack
from .loader import PackError

__all__ = ["CompiledPacks", "PackError", "PackRule", "rules_from_pack"]
