"""The build step pyproject.toml cannot declare: the gettext catalogues (``.po``, in the repository) are
compiled into ``.mo`` files and the GUI's Qt Linguist catalogues (``ui/*.ts``) into ``.qm`` files (neither is
in the repository) in the wheel. Everything else is in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent


class BuildWithCatalogues(build_py):  # type: ignore[misc]
    """``build_py`` plus ``balti_monitor/locale/*/LC_MESSAGES/*.po`` → ``.mo`` (Babel)."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted((HERE / "balti_monitor" / "locale").glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(HERE).with_suffix(".mo")
            # editable install: beside the .po (git-ignored); a wheel: into the build folder
            target = (
                HERE / relative if getattr(self, "editable_mode", False) else Path(self.build_lib) / relative
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as stream:
                catalog = read_po(stream, domain=po.stem)
            with target.open("wb") as out:
                write_mo(out, catalog)
        self._compile_qt_catalogues()

    def _compile_qt_catalogues(self) -> None:
        """``ui/balti_monitor_<lang>.ts`` → ``balti_monitor/ui/balti_monitor_<lang>.qm`` with PySide6's
        lrelease (the wheel is built with PySide6 installed; without it the program compiles them itself)."""
        import sys

        sys.path.insert(0, str(HERE))
        try:
            from balti_monitor.gui.translations import compile_catalogue
        except ImportError:
            print("setup.py: PySide6 is missing, the .qm catalogues are left to the first start")
            return
        folder = (
            HERE / "ui"
            if getattr(self, "editable_mode", False)
            else Path(self.build_lib) / "balti_monitor" / "ui"
        )
        for ts in sorted((HERE / "ui").glob("balti_monitor_*.ts")):
            compile_catalogue(ts, folder / ts.with_suffix(".qm").name)


class SdistWithCatalogues(sdist):  # type: ignore[misc]
    """``sdist`` plus the ``.po`` catalogues (a wheel built from the sdist compiles them)."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        for po in sorted((HERE / "balti_monitor" / "locale").glob("*/LC_MESSAGES/*.po")):
            target = Path(base_dir) / po.relative_to(HERE)
            target.parent.mkdir(parents=True, exist_ok=True)
            self.copy_file(str(po), str(target))


setup(cmdclass={"build_py": BuildWithCatalogues, "sdist": SdistWithCatalogues})
