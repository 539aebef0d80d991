# Adapted from https://github.com/zauberzeug/nicegui/issues/486 (a workaround reading a Popen's output inside
# an async handler on Windows).
import asyncio
import subprocess


async def run_command(command: str) -> str:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # expect: subprocess-in-coroutine
    output = process.stdout.read()
    process.wait()  # expect: subprocess-in-coroutine
    return output.decode()


async def run_command_threaded(command: str) -> str:
    result = await asyncio.to_thread(subprocess.run, command, capture_output=True)  # ok: subprocess-in-coroutine
    return result.stdout.decode()
